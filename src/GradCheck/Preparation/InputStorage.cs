using MathNet.Numerics.LinearAlgebra;

namespace GradCheck;

/// <summary>
/// Element access to one input's storage, in column-major order, so the engine can perturb it in place without
/// allocating. Dense storage is written directly; other storages go through MathNet's indexer. Float32 inputs are read
/// and written as doubles (every float is one), perturbed only to float values, and restored from their own bits.
/// </summary>
internal sealed class InputStorage
{
    private readonly Matrix<double>? matrix;
    private readonly Vector<double>? vector;
    private readonly Matrix<float>? singleMatrix;
    private readonly Vector<float>? singleVector;
    private readonly Scalar? scalar;
    private readonly double[]? storage;
    private readonly float[]? singleStorage;

    // A float input's own bits, taken with the snapshot: a NaN's payload must come back exactly, not through a double.
    private float[]? singleSnapshot;

    public InputStorage(string name, Matrix<double> matrix)
    {
        Name = name;
        this.matrix = matrix;
        storage = matrix.AsColumnMajorArray();
        Shape = new TensorShape(matrix.RowCount, matrix.ColumnCount, IsMatrix: true);
    }

    public InputStorage(string name, Vector<double> vector)
    {
        Name = name;
        this.vector = vector;
        storage = vector.AsArray();
        Shape = new TensorShape(vector.Count, 1, IsMatrix: false);
    }

    public InputStorage(string name, Matrix<float> matrix)
    {
        Name = name;
        singleMatrix = matrix;
        singleStorage = matrix.AsColumnMajorArray();
        Shape = new TensorShape(matrix.RowCount, matrix.ColumnCount, IsMatrix: true);
        Precision = ElementPrecision.Single;
    }

    public InputStorage(string name, Vector<float> vector)
    {
        Name = name;
        singleVector = vector;
        singleStorage = vector.AsArray();
        Shape = new TensorShape(vector.Count, 1, IsMatrix: false);
        Precision = ElementPrecision.Single;
    }

    public InputStorage(string name, Scalar scalar)
    {
        Name = name;
        this.scalar = scalar;
        Shape = TensorShape.Scalar;
    }

    public string Name { get; }

    /// <summary>
    /// What holds the elements: the storage array of a dense tensor, else the tensor itself. Two inputs with one owner
    /// alias each other; checks of one owner take turns (<see cref="InputLocks"/>).
    /// </summary>
    public object Owner => (object?)storage ?? (object?)singleStorage ?? (object?)matrix ?? (object?)vector
        ?? (object?)singleMatrix ?? (object?)singleVector ?? scalar!;

    public TensorShape Shape { get; }

    /// <summary>The precision its elements are stored in.</summary>
    public ElementPrecision Precision { get; } = ElementPrecision.Double;

    public int Count => Shape.Count;

    public double this[int index]
    {
        get
        {
            if (storage is not null) return storage[index];
            if (singleStorage is not null) return singleStorage[index];
            if (scalar is not null) return scalar.Value;
            if (matrix is not null) return matrix.At(index % Shape.Rows, index / Shape.Rows);
            if (vector is not null) return vector.At(index);
            return singleMatrix is not null ? singleMatrix.At(index % Shape.Rows, index / Shape.Rows) : singleVector!.At(index);
        }
        set
        {
            if (storage is not null) storage[index] = value;
            else if (singleStorage is not null) singleStorage[index] = (float)value;
            else if (scalar is not null) scalar.Value = value;
            else if (matrix is not null) matrix.At(index % Shape.Rows, index / Shape.Rows, value);
            else if (vector is not null) vector.At(index, value);
            else if (singleMatrix is not null) singleMatrix.At(index % Shape.Rows, index / Shape.Rows, (float)value);
            else singleVector!.At(index, (float)value);
        }
    }

    /// <summary>A copy of every element, the reference that <see cref="Restore(double[])"/> writes back bit for bit.</summary>
    public double[] Snapshot()
    {
        if (storage is not null) return (double[])storage.Clone();
        if (Precision == ElementPrecision.Single)
        {
            singleSnapshot = new float[Count];
            for (var i = 0; i < Count; i++) singleSnapshot[i] = singleStorage is not null ? singleStorage[i] : (float)this[i];
        }

        var copy = new double[Count];
        for (var i = 0; i < copy.Length; i++) copy[i] = this[i];
        return copy;
    }

    public void Restore(double[] snapshot)
    {
        if (storage is not null) { Array.Copy(snapshot, storage, snapshot.Length); return; }
        if (singleSnapshot is not null && singleStorage is not null) { Array.Copy(singleSnapshot, singleStorage, singleSnapshot.Length); return; }
        for (var i = 0; i < snapshot.Length; i++) this[i] = singleSnapshot is not null ? singleSnapshot[i] : snapshot[i];
    }

    /// <summary>Writes <paramref name="move"/>'s points to the elements <paramref name="indices"/>: element indices[i] gets centre ± displacement i.</summary>
    public void Write(int[] indices, Move move, double sign)
    {
        var (centres, displacements) = (move.Centres, move.Displacements);
        if (storage is { } dense)
        {
            // The common case without the indexer's dispatch per element (a probe of a large input writes 10⁶ of them).
            for (var i = 0; i < indices.Length; i++) dense[indices[i]] = centres[i] + sign * displacements[i];
            return;
        }

        for (var i = 0; i < indices.Length; i++) this[indices[i]] = centres[i] + sign * displacements[i];
    }

    /// <summary>The position in <paramref name="indices"/> of the first element that no longer holds what <see cref="Write"/> wrote, or -1.</summary>
    public int FirstNotHolding(int[] indices, Move move, double sign)
    {
        var (centres, displacements) = (move.Centres, move.Displacements);
        var dense = storage;
        for (var i = 0; i < indices.Length; i++)
        {
            var read = dense is not null ? dense[indices[i]] : this[indices[i]];
            if (BitConverter.DoubleToInt64Bits(read) != BitConverter.DoubleToInt64Bits(centres[i] + sign * displacements[i])) return i;
        }

        return -1;
    }

    /// <summary>Writes the elements <paramref name="indices"/> (distinct) back to their <paramref name="snapshot"/> values.</summary>
    public void Restore(int[] indices, double[] snapshot)
    {
        if (storage is { } dense)
        {
            // Distinct indices as many as the elements are all of them: one copy.
            if (indices.Length == dense.Length) Restore(snapshot);
            else
                for (var i = 0; i < indices.Length; i++) dense[indices[i]] = snapshot[indices[i]];
            return;
        }

        for (var i = 0; i < indices.Length; i++) this[indices[i]] = snapshot[indices[i]];
    }

    /// <summary>The first element whose bits differ from <paramref name="snapshot"/>, or -1.</summary>
    public int FirstDifference(double[] snapshot)
    {
        if (storage is { } dense)
        {
            // Bits compared as integers (a NaN's payload, −0 against +0), vectorised: the guards compare every input after each pass.
            var same = System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(dense.AsSpan())
                .CommonPrefixLength(System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(snapshot.AsSpan()));
            return same == snapshot.Length ? -1 : same;
        }

        for (var i = 0; i < snapshot.Length; i++)
        {
            var same = singleSnapshot is not null
                ? BitConverter.SingleToInt32Bits((float)this[i]) == BitConverter.SingleToInt32Bits(singleSnapshot[i])
                : BitConverter.DoubleToInt64Bits(this[i]) == BitConverter.DoubleToInt64Bits(snapshot[i]);
            if (!same) return i;
        }

        return -1;
    }
}
