using MathNet.Numerics.LinearAlgebra;

namespace GradCheck;

/// <summary>
/// Element access to one input's storage, in column-major order, so the engine can perturb it in place without
/// allocating. Dense storage is written directly; other storages go through MathNet's indexer.
/// </summary>
internal sealed class InputStorage
{
    private readonly Matrix<double>? matrix;
    private readonly Vector<double>? vector;
    private readonly Scalar? scalar;
    private readonly double[]? storage;

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
    public object Owner => storage ?? (object?)matrix ?? (object?)vector ?? scalar!;

    public TensorShape Shape { get; }

    public int Count => Shape.Count;

    public double this[int index]
    {
        get
        {
            if (storage is not null) return storage[index];
            if (scalar is not null) return scalar.Value;
            return matrix is not null ? matrix.At(index % Shape.Rows, index / Shape.Rows) : vector!.At(index);
        }
        set
        {
            if (storage is not null) storage[index] = value;
            else if (scalar is not null) scalar.Value = value;
            else if (matrix is not null) matrix.At(index % Shape.Rows, index / Shape.Rows, value);
            else vector!.At(index, value);
        }
    }

    /// <summary>A copy of every element, the reference that <see cref="Restore"/> writes back bit for bit.</summary>
    public double[] Snapshot()
    {
        if (storage is not null) return (double[])storage.Clone();
        var copy = new double[Count];
        for (var i = 0; i < copy.Length; i++) copy[i] = this[i];
        return copy;
    }

    public void Restore(double[] snapshot)
    {
        if (storage is not null) { Array.Copy(snapshot, storage, snapshot.Length); return; }
        for (var i = 0; i < snapshot.Length; i++) this[i] = snapshot[i];
    }

    /// <summary>The first element whose bits differ from <paramref name="snapshot"/>, or -1.</summary>
    public int FirstDifference(double[] snapshot)
    {
        for (var i = 0; i < snapshot.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(this[i]) != BitConverter.DoubleToInt64Bits(snapshot[i])) return i;
        }

        return -1;
    }
}
