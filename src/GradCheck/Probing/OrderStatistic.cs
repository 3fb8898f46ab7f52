namespace GradCheck;

/// <summary>The k-th smallest of some numbers in linear expected time (a sort costs more than the rest of a cheap check).</summary>
internal static class OrderStatistic
{
    /// <summary>
    /// The <paramref name="k"/>-th smallest (from 0) of <c>values[0..count)</c>, which it reorders. The values must not be NaN.
    /// </summary>
    public static double Select(double[] values, int count, int k)
    {
        if ((uint)k >= (uint)count || count > values.Length) throw new ArgumentOutOfRangeException(nameof(k));
        int low = 0, high = count - 1;
        while (low < high)
        {
            var pivot = MedianOfThree(values[low], values[low + (high - low) / 2], values[high]);
            int i = low, j = high;
            // Hoare's partition: afterwards [low, j] ≤ pivot ≤ [i, high], and anything between equals the pivot.
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i > j) break;
                (values[i], values[j]) = (values[j], values[i]);
                i++;
                j--;
            }

            if (k <= j) high = j;
            else if (k >= i) low = i;
            else return values[k];
        }

        return values[k];
    }

    private static double MedianOfThree(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
