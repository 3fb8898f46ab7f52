using System;
using System.Collections.Generic;
using GradCheck.Analyzers.Model;
using GradCheck.Dims;

namespace GradCheck.Analyzers.Transfers;

/// <summary>The shape of a call's result and what the call needs of its operands.</summary>
internal delegate TransferResult ShapeTransfer(in ApiCall call);

/// <summary>
/// How every public member of MathNet's <c>Matrix&lt;T&gt;</c>, <c>Vector&lt;T&gt;</c>, <c>MatrixBuilder&lt;T&gt;</c> and
/// <c>VectorBuilder&lt;T&gt;</c> that returns a matrix or vector transforms shapes, by member name — or why it is left
/// unknown. A plain list: transfers compute shapes and state requirements; the inference checks the requirements and the
/// rules report. A new MathNet member goes here (the reflection test lists the ones missing).
/// </summary>
internal static class MathNetTransfers
{
    /// <summary>Members of <c>Matrix&lt;T&gt;</c>.</summary>
    public static IReadOnlyDictionary<string, ShapeTransfer> MatrixMembers { get; } = new Dictionary<string, ShapeTransfer>(StringComparer.Ordinal)
    {
        ["Multiply"] = (in ApiCall c) => c.FirstArgumentIsMatrixOrVector ? Product(c.Receiver, c.ArgumentShape(0), ProductForm.Plain, "Multiply") : Same(c),
        ["TransposeThisAndMultiply"] = (in ApiCall c) => Product(c.Receiver, c.ArgumentShape(0), ProductForm.TransposeLeft, "TransposeThisAndMultiply"),
        ["ConjugateTransposeThisAndMultiply"] = (in ApiCall c) =>
            Product(c.Receiver, c.ArgumentShape(0), ProductForm.TransposeLeft, "ConjugateTransposeThisAndMultiply"),
        ["TransposeAndMultiply"] = (in ApiCall c) => Product(c.Receiver, c.ArgumentShape(0), ProductForm.TransposeRight, "TransposeAndMultiply"),
        ["ConjugateTransposeAndMultiply"] = (in ApiCall c) =>
            Product(c.Receiver, c.ArgumentShape(0), ProductForm.TransposeRight, "ConjugateTransposeAndMultiply"),
        ["LeftMultiply"] = (in ApiCall c) => Product(c.ArgumentShape(0), c.Receiver, ProductForm.Plain, "LeftMultiply"),
        ["Transpose"] = (in ApiCall c) => TransferResult.Shaped(c.Receiver?.Transposed()),
        ["ConjugateTranspose"] = (in ApiCall c) => TransferResult.Shaped(c.Receiver?.Transposed()),
        ["PseudoInverse"] = (in ApiCall c) => TransferResult.Shaped(c.Receiver?.Transposed()),
        ["Add"] = (in ApiCall c) => ElementwiseOrScalar(c, "Add"),
        ["Subtract"] = (in ApiCall c) => ElementwiseOrScalar(c, "Subtract"),
        ["Map2"] = (in ApiCall c) => Elementwise(c.Receiver, c.ArgumentShape(1), "Map2"),
        ["Row"] = (in ApiCall c) => TransferResult.Shaped(Shape.Vector(c.Method.Parameters.Length >= 3 ? c.SizeNamed("length") : c.Receiver?.Columns)),
        ["Column"] = (in ApiCall c) => TransferResult.Shaped(Shape.Vector(c.Method.Parameters.Length >= 3 ? c.SizeNamed("length") : c.Receiver?.Rows)),
        ["RowSums"] = (in ApiCall c) => TransferResult.Shaped(Shape.Vector(c.Receiver?.Rows)),
        ["RowAbsoluteSums"] = (in ApiCall c) => TransferResult.Shaped(Shape.Vector(c.Receiver?.Rows)),
        ["RowNorms"] = (in ApiCall c) => TransferResult.Shaped(Shape.Vector(c.Receiver?.Rows)),
        ["ColumnSums"] = (in ApiCall c) => TransferResult.Shaped(Shape.Vector(c.Receiver?.Columns)),
        ["ColumnAbsoluteSums"] = (in ApiCall c) => TransferResult.Shaped(Shape.Vector(c.Receiver?.Columns)),
        ["ColumnNorms"] = (in ApiCall c) => TransferResult.Shaped(Shape.Vector(c.Receiver?.Columns)),
        ["Diagonal"] = (in ApiCall c) => TransferResult.Shaped(c.Receiver is { } r && r.Rows is { } rows && rows.Equals(r.Columns) ? Shape.Vector(rows) : null),
        ["SubMatrix"] = (in ApiCall c) => TransferResult.Shaped(Shape.Matrix(c.SizeNamed("rowCount"), c.SizeNamed("columnCount"))),
        ["Resize"] = (in ApiCall c) => TransferResult.Shaped(Shape.Matrix(c.SizeNamed("rowCount"), c.SizeNamed("columnCount"))),
        ["Append"] = (in ApiCall c) => Concatenate(c, byRows: false),
        ["Stack"] = (in ApiCall c) => Concatenate(c, byRows: true),
        ["DiagonalStack"] = (in ApiCall c) => TransferResult.Shaped(c.Receiver is { IsMatrix: true } a && c.ArgumentShape(0) is { IsMatrix: true } b
            ? Shape.Matrix(Sum(a.Rows, b.Rows), Sum(a.Columns, b.Columns)) : null),
        ["KroneckerProduct"] = (in ApiCall c) => TransferResult.Shaped(c.Receiver is { IsMatrix: true } a && c.ArgumentShape(0) is { IsMatrix: true } b
            ? Shape.Matrix(Times(a.Rows, b.Rows), Times(a.Columns, b.Columns)) : null),
        ["InsertRow"] = (in ApiCall c) => Insert(c, rows: true),
        ["InsertColumn"] = (in ApiCall c) => Insert(c, rows: false),
        ["RemoveRow"] = (in ApiCall c) => TransferResult.Shaped(c.Receiver is { IsMatrix: true } r ? Shape.Matrix(Minus(r.Rows, 1), r.Columns) : null),
        ["RemoveColumn"] = (in ApiCall c) => TransferResult.Shaped(c.Receiver is { IsMatrix: true } r ? Shape.Matrix(r.Rows, Minus(r.Columns, 1)) : null),
        ["Solve"] = (in ApiCall c) => Solve(c, "Solve"),
        ["SolveIterative"] = (in ApiCall c) => Solve(c, "SolveIterative"),
        ["Inverse"] = Same,
        ["Power"] = Same,
        ["LowerTriangle"] = Same,
        ["UpperTriangle"] = Same,
        ["StrictlyLowerTriangle"] = Same,
        ["StrictlyUpperTriangle"] = Same,
        ["NormalizeRows"] = Same,
        ["NormalizeColumns"] = Same,
    };

    /// <summary>Members of <c>Vector&lt;T&gt;</c>.</summary>
    public static IReadOnlyDictionary<string, ShapeTransfer> VectorMembers { get; } = new Dictionary<string, ShapeTransfer>(StringComparer.Ordinal)
    {
        ["Add"] = (in ApiCall c) => ElementwiseOrScalar(c, "Add"),
        ["Subtract"] = (in ApiCall c) => ElementwiseOrScalar(c, "Subtract"),
        ["Multiply"] = Same,
        ["Map2"] = (in ApiCall c) => Elementwise(c.Receiver, c.ArgumentShape(1), "Map2"),
        ["OuterProduct"] = (in ApiCall c) => OuterProduct(c.Receiver ?? c.ArgumentShape(0), c.Receiver is null ? c.ArgumentShape(1) : c.ArgumentShape(0)),
        ["ToRowMatrix"] = (in ApiCall c) => TransferResult.Shaped(c.Receiver is { } v ? Shape.Matrix(DimExpression.Literal(1), v.Length) : null),
        ["ToColumnMatrix"] = (in ApiCall c) => TransferResult.Shaped(c.Receiver is { } v ? Shape.Matrix(v.Length, DimExpression.Literal(1)) : null),
        ["SubVector"] = (in ApiCall c) => TransferResult.Shaped(Shape.Vector(c.SizeNamed("count"))),
        ["Normalize"] = Same,
    };

    /// <summary>Members of <c>MatrixBuilder&lt;T&gt;</c> (and the static factories and constructors of the storage types).</summary>
    public static IReadOnlyDictionary<string, ShapeTransfer> MatrixBuilderMembers { get; } = Builders(
        ["Dense", "DenseDiagonal", "DenseIdentity", "DenseOfColumnMajor", "DenseOfRowMajor", "DenseOfIndexed", "DenseOfColumns", "DenseOfRows",
         "DenseOfDiagonalArray", "DenseOfDiagonalVector", "DenseOfMatrix", "DenseOfColumnVectors", "DenseOfRowVectors", "Diagonal", "DiagonalIdentity",
         "DiagonalOfDiagonalArray", "DiagonalOfDiagonalVector", "Random", "RandomPositiveDefinite", "SameAs", "Sparse", "SparseDiagonal",
         "SparseIdentity", "SparseOfColumnMajor", "SparseOfRowMajor", "SparseOfIndexed", "SparseOfColumns", "SparseOfRows", "SparseOfDiagonalArray",
         "SparseOfDiagonalVector", "SparseOfMatrix", "SparseOfColumnVectors", "SparseOfRowVectors", "SparseFromCompressedSparseColumnFormat",
         "SparseFromCompressedSparseRowFormat", "SparseFromCoordinateFormat"],
        MatrixSizes);

    /// <summary>Members of <c>VectorBuilder&lt;T&gt;</c>.</summary>
    public static IReadOnlyDictionary<string, ShapeTransfer> VectorBuilderMembers { get; } = Builders(
        ["Dense", "DenseOfIndexed", "DenseOfVector", "Random", "SameAs", "Sparse", "SparseOfIndexed", "SparseOfVector"],
        VectorSizes);

    /// <summary>
    /// Members whose result shape depends on values the analysis does not see (array contents, storage objects, the
    /// result of a fold) or on a size it cannot express (min(rows, columns)): their result is unknown, never reported.
    /// </summary>
    public static IReadOnlyCollection<string> DeliberatelyUnknown { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "DenseOfArray", "DenseOfColumnArrays", "DenseOfRowArrays", "DenseOfMatrixArray", "DenseOfEnumerable", "OfStorage",
        "SparseOfArray", "SparseOfColumnArrays", "SparseOfRowArrays", "SparseOfMatrixArray", "SparseOfEnumerable",
        "FoldRows", "FoldColumns", "ReduceRows", "ReduceColumns",
    };

    /// <summary>
    /// The operators of <c>Matrix&lt;T&gt;</c> and <c>Vector&lt;T&gt;</c> C# can call, by metadata name (see <see cref="Operator"/>);
    /// F#'s .* ./ .% .^ are the Pointwise methods under other names, unreachable from C#.
    /// </summary>
    public static IReadOnlyCollection<string> Operators { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "op_Addition", "op_Subtraction", "op_Multiply", "op_Division", "op_Modulus", "op_UnaryNegation", "op_UnaryPlus",
        "op_DotMultiply", "op_DotDivide", "op_DotPercent", "op_DotHat",
    };

    /// <summary>
    /// Members that keep the receiver's shape: scalar arithmetic, element-wise functions, maps, copies. Pointwise*
    /// members with a matrix or vector argument are element-wise between two operands.
    /// </summary>
    public static IReadOnlyCollection<string> ShapePreserving { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Abs", "Acos", "Asin", "Atan", "Ceiling", "Clone", "Conjugate", "Cos", "Cosh", "Divide", "DivideByThis", "Exp", "Floor", "Log", "Log10",
        "Map", "MapIndexed", "MapConvert", "MapIndexedConvert", "Modulus", "ModulusByThis", "Negate", "Remainder", "RemainderByThis", "Round", "Sin",
        "Sinh", "Sqrt", "SubtractFrom", "Tan", "Tanh", "Clamp",
    };

    /// <summary>The transfer for a member of a matrix or vector receiver; null when the member is not in the table.</summary>
    public static ShapeTransfer? ForMember(string name, bool receiverIsMatrix)
    {
        if ((receiverIsMatrix ? MatrixMembers : VectorMembers).TryGetValue(name, out var transfer)) return transfer;
        if (name.StartsWith("Pointwise", StringComparison.Ordinal)) return Pointwise;
        return ShapePreserving.Contains(name) ? Same : null;
    }

    /// <summary>Operators: products, element-wise +, −, %, and scaling by a scalar.</summary>
    public static TransferResult Operator(string symbol, Shape? left, Shape? right, bool leftIsMathNet, bool rightIsMathNet, bool bothVectors) =>
        symbol switch
        {
            _ when !leftIsMathNet => TransferResult.Shaped(right),
            _ when !rightIsMathNet => TransferResult.Shaped(left),
            "*" when bothVectors => DotProduct(left, right, "Dot product (*)"),
            "*" => Product(left, right, ProductForm.Plain, "*"),
            "+" => Elementwise(left, right, "Addition (+)"),
            "-" => Elementwise(left, right, "Subtraction (−)"),
            _ => Elementwise(left, right, "Element-wise operator"),
        };

    /// <summary>DotProduct and ConjugateDotProduct: a scalar from two vectors of one length.</summary>
    public static TransferResult DotProduct(Shape? left, Shape? right, string name) =>
        left is null || right is null ? TransferResult.Unknown : new TransferResult(null, [Requirement.SameShape(left, right, name)]);

    /// <summary>A·B (or a fused transposed form): inner dims agree; the result is rows of A by columns of B.</summary>
    public static TransferResult Product(Shape? left, Shape? right, ProductForm form, string name)
    {
        if (left is null || right is null) return TransferResult.Unknown;
        var a = form == ProductForm.TransposeLeft ? left.Transposed() : left;
        var b = form == ProductForm.TransposeRight ? right.Transposed() : right;
        if (a.IsVector && b.IsVector) return DotProduct(a, b, name);
        var result = a.IsMatrix && b.IsMatrix ? Shape.Matrix(a.Rows, b.Columns) : a.IsMatrix ? Shape.Vector(a.Rows) : Shape.Vector(b.Columns);
        return TransferResult.Shaped(result, Requirement.Product(left, right, form, name));
    }

    private static TransferResult Same(in ApiCall call) => TransferResult.Shaped(call.Receiver);

    private static TransferResult Pointwise(in ApiCall call) => call.Method.ReturnsVoid ? TransferResult.Unknown : ElementwiseOrScalar(call, call.Name);

    private static TransferResult ElementwiseOrScalar(in ApiCall call, string name) =>
        call.FirstArgumentIsMatrixOrVector ? Elementwise(call.Receiver, call.ArgumentShape(0), name) : TransferResult.Shaped(call.Receiver);

    private static TransferResult Elementwise(Shape? left, Shape? right, string name)
    {
        if (left is null || right is null || left.IsMatrix != right.IsMatrix) return TransferResult.Shaped(left ?? right);
        // The result has the operands' common shape: each dim from whichever side knows it (the requirement unifies them).
        var common = left.IsMatrix ? Shape.Matrix(left.Rows ?? right.Rows, left.Columns ?? right.Columns) : Shape.Vector(left.Length ?? right.Length);
        return TransferResult.Shaped(common, Requirement.SameShape(left, right, name));
    }

    private static TransferResult OuterProduct(Shape? left, Shape? right) =>
        left is null && right is null ? TransferResult.Unknown : TransferResult.Shaped(Shape.Matrix(left?.Length, right?.Length));

    /// <summary>Append puts B right of A (row counts agree); Stack puts B below A (column counts agree).</summary>
    private static TransferResult Concatenate(in ApiCall call, bool byRows)
    {
        var left = call.Receiver;
        var right = call.ArgumentShape(0);
        if (left is not { IsMatrix: true } || right is not { IsMatrix: true }) return TransferResult.Unknown;
        return byRows
            ? TransferResult.Shaped(Shape.Matrix(Sum(left.Rows, right.Rows), left.Columns ?? right.Columns),
                Requirement.SameAxis(left, right, left.Columns, right.Columns, "Stack", "column counts"))
            : TransferResult.Shaped(Shape.Matrix(left.Rows ?? right.Rows, Sum(left.Columns, right.Columns)),
                Requirement.SameAxis(left, right, left.Rows, right.Rows, "Append", "row counts"));
    }

    /// <summary>InsertRow(i, row) adds a row as long as a row; InsertColumn(j, column) a column as long as a column.</summary>
    private static TransferResult Insert(in ApiCall call, bool rows)
    {
        if (call.Receiver is not { IsMatrix: true } matrix) return TransferResult.Unknown;
        var result = rows ? Shape.Matrix(Plus(matrix.Rows, 1), matrix.Columns) : Shape.Matrix(matrix.Rows, Plus(matrix.Columns, 1));
        if (call.ArgumentShape(1) is not { IsVector: true } inserted) return TransferResult.Shaped(result);
        return rows
            ? TransferResult.Shaped(result, Requirement.SameAxis(matrix, inserted, matrix.Columns, inserted.Length, "InsertRow", "row length and column count"))
            : TransferResult.Shaped(result,
                Requirement.SameAxis(matrix, inserted, matrix.Rows, inserted.Length, "InsertColumn", "column length and row count"));
    }

    /// <summary>A.Solve(B) is X with A·X = B: B has A's row count, X has A's column count.</summary>
    private static TransferResult Solve(in ApiCall call, string name)
    {
        if (call.Receiver is not { IsMatrix: true } a || call.ArgumentShape(0) is not { } b) return TransferResult.Unknown;
        var result = b.IsMatrix ? Shape.Matrix(a.Columns, b.Columns) : Shape.Vector(a.Columns);
        var bRows = b.IsMatrix ? b.Rows : b.Length;
        return TransferResult.Shaped(result, Requirement.SameAxis(a, b, a.Rows, bRows, name, "row counts of the system and the right-hand side"));
    }

    /// <summary>
    /// A builder's (or constructor's, or static factory's) matrix size, read from its parameter names as MathNet writes
    /// them: (rows, columns), (order), a diagonal vector, an example matrix, or visible params vectors.
    /// </summary>
    public static TransferResult MatrixSizes(in ApiCall call)
    {
        if (call.Ordinal("rows") >= 0 && call.Ordinal("columns") >= 0)
            return TransferResult.Shaped(Shape.Matrix(call.SizeNamed("rows"), call.SizeNamed("columns")));
        if (call.Ordinal("rowCount") >= 0 && call.Ordinal("columnCount") >= 0)
            return TransferResult.Shaped(Shape.Matrix(call.SizeNamed("rowCount"), call.SizeNamed("columnCount")));
        if (call.Ordinal("order") >= 0)
        {
            var order = call.SizeNamed("order");
            return TransferResult.Shaped(Shape.Matrix(order, order));
        }

        if (call.Ordinal("diagonal") is var d and >= 0 && call.ArgumentShape(d) is { IsVector: true } diagonal)
            return TransferResult.Shaped(Shape.Matrix(diagonal.Length, diagonal.Length));
        if (call.ArgumentShape(FirstOrdinal(call, "matrix", "example")) is { IsMatrix: true } example) return TransferResult.Shaped(example);
        if (call.Name.EndsWith("OfColumnVectors", StringComparison.Ordinal) || call.Name.EndsWith("OfRowVectors", StringComparison.Ordinal))
            return VectorsAsMatrix(call, columns: call.Name.EndsWith("OfColumnVectors", StringComparison.Ordinal));
        return TransferResult.Unknown;
    }

    /// <summary>A builder's vector length: (length), (size), or an example vector.</summary>
    public static TransferResult VectorSizes(in ApiCall call)
    {
        if (call.Ordinal("length") >= 0) return TransferResult.Shaped(Shape.Vector(call.SizeNamed("length")));
        if (call.Ordinal("size") >= 0) return TransferResult.Shaped(Shape.Vector(call.SizeNamed("size")));
        if (call.ArgumentShape(FirstOrdinal(call, "vector", "example")) is { IsVector: true } example) return TransferResult.Shaped(example);
        return TransferResult.Unknown;
    }

    private static TransferResult VectorsAsMatrix(in ApiCall call, bool columns)
    {
        var shapes = call.ParamsShapes(0);
        if (shapes.IsEmpty) return TransferResult.Unknown;
        DimExpression? length = null;
        foreach (var shape in shapes)
        {
            if (shape?.Length is not { } l || (length is not null && !length.Equals(l))) return TransferResult.Unknown;
            length = l;
        }

        var count = DimExpression.Literal(shapes.Length);
        return TransferResult.Shaped(columns ? Shape.Matrix(length, count) : Shape.Matrix(count, length));
    }

    private static int FirstOrdinal(in ApiCall call, string name, string otherName) =>
        call.Ordinal(name) is var ordinal and >= 0 ? ordinal : call.Ordinal(otherName);

    private static IReadOnlyDictionary<string, ShapeTransfer> Builders(string[] names, ShapeTransfer transfer)
    {
        var table = new Dictionary<string, ShapeTransfer>(StringComparer.Ordinal);
        foreach (var name in names) table[name] = transfer;
        return table;
    }

    private static DimExpression? Sum(DimExpression? a, DimExpression? b) => a is null || b is null ? null : a + b;

    private static DimExpression? Times(DimExpression? a, DimExpression? b) => a is null || b is null ? null : a * b;

    private static DimExpression? Plus(DimExpression? a, long n) => a is null ? null : a + DimExpression.Literal(n);

    private static DimExpression? Minus(DimExpression? a, long n) => a is null ? null : a - DimExpression.Literal(n);
}
