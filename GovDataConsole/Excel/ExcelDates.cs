namespace GovDataConsole.Excel;

/// <summary>Excel date serials (1900 system with its phantom 1900-02-29, or the 1904 system) to dates.</summary>
public static class ExcelDates
{
    private static readonly DateTime Epoch1904 = new(1904, 1, 1);

    public static bool TryFromSerial(double serial, bool date1904, out DateTime value)
    {
        value = default;
        if (double.IsNaN(serial) || serial < 0 || serial >= 2_958_466) return false;
        if (date1904)
        {
            value = Epoch1904.AddDays(serial);
            return true;
        }
        if (serial is >= 60 and < 61) return false; // 1900-02-29 does not exist
        value = serial < 60 ? DateTime.FromOADate(serial + 1) : DateTime.FromOADate(serial);
        return true;
    }
}
