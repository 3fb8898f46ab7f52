using GradCheck.Package.Tests.Infrastructure;

// Pack once and build/test the consumer once for the whole assembly: every nested run costs tens of seconds.
[assembly: AssemblyFixture(typeof(PackedConsumer))]
