namespace PaperLens.Core.Identifiers;

public enum ArxivScheme
{
    /// <summary>YYMM.NNNN, April 2007 to December 2014.</summary>
    NewFourDigit,
    /// <summary>YYMM.NNNNN, from January 2015.</summary>
    NewFiveDigit,
    /// <summary>archive/YYMMNNN or archive.SC/YYMMNNN, before April 2007.</summary>
    Old,
}
