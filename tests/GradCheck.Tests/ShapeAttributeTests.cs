namespace GradCheck.Tests;

public class ShapeAttributeTests
{
    [Fact]
    public void Keeps_dims_in_order()
    {
        var attribute = new ShapeAttribute("N", "3");
        Assert.Equal(["N", "3"], attribute.Dims);
    }
}
