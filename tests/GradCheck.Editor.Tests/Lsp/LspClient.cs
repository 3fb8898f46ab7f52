using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace GradCheck.Editor.Tests.Lsp;

/// <summary>
/// The smallest LSP client an editor test needs: JSON-RPC with Content-Length framing over a server's stdin/stdout,
/// requests with replies, answers to the server's own requests (workspace/configuration gets <see cref="Settings"/>),
/// and the publishDiagnostics notifications as a stream.
/// </summary>
public sealed class LspClient : IAsyncDisposable
{
    private readonly Process process;
    private readonly Stream input;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
    private readonly Channel<PublishedDiagnostics> diagnostics = Channel.CreateUnbounded<PublishedDiagnostics>();
    private readonly StringBuilder log = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Task reader;
    private int nextId;

    /// <summary>The answer to workspace/configuration for the "csharp" section.</summary>
    public JsonObject Settings { get; }

    private LspClient(Process process, JsonObject settings)
    {
        this.process = process;
        Settings = settings;
        input = process.StandardInput.BaseStream;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Log("stderr: " + e.Data); };
        process.BeginErrorReadLine();
        reader = Task.Run(ReadLoopAsync);
    }

    public static LspClient Start(string fileName, string arguments, string workingDirectory, JsonObject settings)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        ChildProcess.CleanEnvironment(start);
        return new LspClient(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName} {arguments}."), settings);
    }

    /// <summary>What the server wrote to stderr and its log messages, for failure messages.</summary>
    public string Log()
    {
        lock (log) return log.ToString();
    }

    public bool HasExited => process.HasExited;

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref nextId);
        var reply = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = reply;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        try { return await reply.Task.WaitAsync(timeout); }
        catch (TimeoutException) { throw new TimeoutException($"No reply to '{method}' within {timeout.TotalSeconds:F0} s. Server log:\n{Log()}"); }
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Waits for a diagnostics list for <paramref name="path"/> that satisfies <paramref name="wanted"/>; returns every list seen.</summary>
    public async Task<(PublishedDiagnostics? Match, List<PublishedDiagnostics> Seen)> WaitForDiagnosticsAsync(
        string path, Func<PublishedDiagnostics, bool> wanted, TimeSpan timeout)
    {
        var seen = new List<PublishedDiagnostics>();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var published = await diagnostics.Reader.ReadAsync(cancel.Token);
                if (!SamePath(published.Path, path)) continue;
                seen.Add(published);
                if (wanted(published)) return (published, seen);
            }
        }
        catch (OperationCanceledException) { return (null, seen); }
        catch (ChannelClosedException) { return (null, seen); }
    }

    private async Task SendAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await writeLock.WaitAsync();
        try
        {
            await input.WriteAsync(header);
            await input.WriteAsync(body);
            await input.FlushAsync();
        }
        finally { writeLock.Release(); }
    }

    private async Task ReadLoopAsync()
    {
        var output = process.StandardOutput.BaseStream;
        try
        {
            while (await ReadMessageAsync(output) is { } message) await HandleAsync(message);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or JsonException)
        {
            Log($"reader stopped: {e.Message}");
        }
        finally
        {
            diagnostics.Writer.TryComplete();
            foreach (var reply in pending.Values) reply.TrySetException(new IOException($"The server closed its output. Log:\n{Log()}"));
        }
    }

    private async Task HandleAsync(JsonNode message)
    {
        var method = (string?)message["method"];
        var id = message["id"];
        if (method is null && id is not null)
        {
            // A reply to one of our requests.
            if (pending.TryRemove(id.GetValue<int>(), out var reply))
                if (message["error"] is { } error) reply.TrySetException(new InvalidOperationException($"LSP error: {error.ToJsonString()}"));
                else reply.TrySetResult(message["result"]?.DeepClone());
            return;
        }

        switch (method)
        {
            case "textDocument/publishDiagnostics":
                diagnostics.Writer.TryWrite(Parse(message["params"]!));
                break;
            case "window/logMessage" or "window/showMessage":
                Log($"{method}: {(string?)message["params"]?["message"]}");
                break;
        }

        if (id is not null)
        {
            // A request from the server: configuration gets our settings, everything else (registerCapability,
            // workDoneProgress/create, ...) an empty success, as a minimal editor would answer.
            JsonNode? result = method == "workspace/configuration"
                ? new JsonArray(message["params"]!["items"]!.AsArray()
                    .Select(item => (string?)item?["section"] == "csharp" ? (JsonNode?)Settings.DeepClone() : null).ToArray())
                : null;
            await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
        }
    }

    private PublishedDiagnostics Parse(JsonNode parameters)
    {
        var path = new Uri((string)parameters["uri"]!).LocalPath;
        var list = parameters["diagnostics"]!.AsArray().Select(d => new LspDiagnostic(
                d!["code"]?.ToString() ?? "",
                (string?)d["message"] ?? "",
                (int)d["range"]!["start"]!["line"]!,
                (int)d["range"]!["start"]!["character"]!))
            .ToList();
        return new PublishedDiagnostics(path, list, clock.Elapsed);
    }

    private static async Task<JsonNode?> ReadMessageAsync(Stream stream)
    {
        var length = -1;
        while (true)
        {
            var line = await ReadHeaderLineAsync(stream);
            if (line is null) return null;
            if (line.Length == 0) break;
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line["Content-Length:".Length..].Trim());
        }
        if (length < 0) throw new IOException("An LSP message without Content-Length.");
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        return JsonNode.Parse(body);
    }

    private static async Task<string?> ReadHeaderLineAsync(Stream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0) return null;
            if (one[0] == '\n') return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            bytes.Add(one[0]);
        }
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private void Log(string line)
    {
        lock (log) log.AppendLine($"[{clock.Elapsed.TotalSeconds,6:F1} s] {line}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                await RequestAsync("shutdown", null, TimeSpan.FromSeconds(10));
                await NotifyAsync("exit", null);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is TimeoutException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            // An unresponsive server is ended below.
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await reader.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
            process.Dispose();
        }
    }
}
