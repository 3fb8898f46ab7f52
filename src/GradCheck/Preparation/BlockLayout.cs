namespace GradCheck;

/// <summary>Which blocks of a matrix output a layout reads apart: its rows or its columns.</summary>
internal enum BlockAxis
{
    Rows,
    Columns,
}

/// <summary>
/// A hypothesis about how an input reaches the output: along <see cref="BlockAxis.Rows"/>, input element (r, j) reaches
/// only output row r; along <see cref="BlockAxis.Columns"/>, (i, c) only output column c (a vector input is a column for
/// rows and a row for columns: a bias of length C reaches column c). Elements of one group (a column of the input for
/// rows, a row for columns) then sit in different blocks and can be moved together and read apart. Only a hypothesis:
/// <see cref="InputChecker.VerifyBlocks"/> must confirm it before anything relies on it.
/// </summary>
internal readonly record struct BlockLayout(BlockAxis Axis, TensorShape Output)
{
    /// <summary>How many blocks the output has along the axis.</summary>
    public int Count => Axis == BlockAxis.Rows ? Output.Rows : Output.IsMatrix ? Output.Columns : 1;

    /// <summary>The block an output element (numbered as <see cref="TensorShape.Position"/> numbers them) falls in.</summary>
    public int OutputBlock(int index) => Axis == BlockAxis.Rows ? Output.Position(index).Row : Output.Position(index).Column;

    /// <summary>Whether the hypothesis can hold for an input at all: as many blocks as the output, at least two.</summary>
    public bool Fits(TensorShape input) => !input.IsScalar && Count >= 2 && BlocksOf(input) == Count;

    /// <summary>The output block an input element would reach.</summary>
    public int InputBlock(TensorShape input, int index) =>
        Axis == BlockAxis.Rows ? input.Position(index).Row : input.IsMatrix ? input.Position(index).Column : index;

    /// <summary>The group an input element belongs to: the other coordinate (a vector input is one group).</summary>
    public int GroupOf(TensorShape input, int index) =>
        !input.IsMatrix ? 0 : Axis == BlockAxis.Rows ? input.Position(index).Column : input.Position(index).Row;

    public int GroupCount(TensorShape input) => !input.IsMatrix ? 1 : Axis == BlockAxis.Rows ? input.Columns : input.Rows;

    /// <summary>The layouts that fit an input, fewest groups first.</summary>
    public static IEnumerable<BlockLayout> Candidates(TensorShape output, TensorShape input) =>
        new[] { new BlockLayout(BlockAxis.Rows, output), new BlockLayout(BlockAxis.Columns, output) }
            .Where(l => l.Fits(input)).OrderBy(l => l.GroupCount(input));

    private int BlocksOf(TensorShape input) => Axis == BlockAxis.Rows || !input.IsMatrix ? input.Rows : input.Columns;
}
