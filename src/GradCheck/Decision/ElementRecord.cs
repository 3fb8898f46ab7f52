namespace GradCheck;

/// <summary>
/// What the check of one element found, as <see cref="InputChecker"/> keeps it: its numeric derivative, the tolerance it
/// was held to, the verdict, the ladder level and noise it was decided at, and whether at a kink (Checked false: not checked).
/// </summary>
internal readonly record struct ElementRecord(bool Checked, double Numeric, double Tolerance, Verdict Verdict, int Level, double Noise, bool AtKink);
