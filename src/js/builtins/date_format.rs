//! The strings of `Date.prototype.toString`, `toDateString`, `toTimeString`, `toUTCString`
//! (§21.4.4.41) and `toISOString` (§21.4.1.32), and the en-US forms node gives
//! `toLocaleString` and friends. Local time is UTC in kiln, so the zone is always
//! `GMT+0000 (Coordinated Universal Time)` as node prints it with `TZ=UTC`.

use super::date_time::{Fields, fields};

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const ZONE: &str = "GMT+0000 (Coordinated Universal Time)";

/// Which string a formatter produces.
#[derive(Clone, Copy)]
pub enum Form {
    /// `toString`: "Tue Dec 07 2026 05:51:13 GMT+0000 (Coordinated Universal Time)".
    Full,
    /// `toDateString`: "Tue Dec 07 2026".
    Date,
    /// `toTimeString`: "05:51:13 GMT+0000 (Coordinated Universal Time)".
    Time,
    /// `toUTCString`: "Mon, 07 Dec 2026 05:51:13 GMT".
    Utc,
    /// `toISOString`: "2026-12-07T05:51:13.000Z".
    Iso,
    /// `toLocaleString` (en-US): "12/7/2026, 5:51:13 AM".
    Locale,
    /// `toLocaleDateString` (en-US): "12/7/2026".
    LocaleDate,
    /// `toLocaleTimeString` (en-US): "5:51:13 AM".
    LocaleTime,
}

/// The year as DateString writes it: a sign only when negative, at least four digits.
fn year(y: f64) -> String {
    let sign = if y < 0.0 { "-" } else { "" };
    format!("{sign}{:04}", y.abs() as i64)
}

fn date_part(f: &Fields) -> String {
    format!(
        "{} {} {:02} {}",
        DAYS[f.week_day as usize],
        MONTHS[f.month as usize],
        f.date as i64,
        year(f.year)
    )
}

fn time_part(f: &Fields) -> String {
    format!(
        "{:02}:{:02}:{:02}",
        f.hour as i64, f.minute as i64, f.second as i64
    )
}

fn locale_date(f: &Fields) -> String {
    // en-US counts years before 1 as years of the era before (year 0 is 1 BC).
    let y = if f.year <= 0.0 { 1.0 - f.year } else { f.year };
    format!("{}/{}/{}", f.month as i64 + 1, f.date as i64, y as i64)
}

fn locale_time(f: &Fields) -> String {
    let h = f.hour as i64;
    let h12 = if h % 12 == 0 { 12 } else { h % 12 };
    let half = if h < 12 { "AM" } else { "PM" };
    format!("{h12}:{:02}:{:02} {half}", f.minute as i64, f.second as i64)
}

/// ISO 8601 form of a finite time value: years outside 0-9999 as ±YYYYYY.
pub fn iso(t: f64) -> String {
    let f = fields(t);
    let y = if (0.0..=9999.0).contains(&f.year) {
        format!("{:04}", f.year as i64)
    } else {
        format!("{:+07}", f.year as i64)
    };
    format!(
        "{y}-{:02}-{:02}T{}.{:03}Z",
        f.month as i64 + 1,
        f.date as i64,
        time_part(&f),
        f.ms as i64
    )
}

/// `form` of time value `t`; `None` for NaN (the caller says "Invalid Date" or throws).
pub fn format(t: f64, form: Form) -> Option<String> {
    if t.is_nan() {
        return None;
    }
    let f = fields(t);
    Some(match form {
        Form::Full => format!("{} {} {ZONE}", date_part(&f), time_part(&f)),
        Form::Date => date_part(&f),
        Form::Time => format!("{} {ZONE}", time_part(&f)),
        Form::Utc => format!(
            "{}, {:02} {} {} {} GMT",
            DAYS[f.week_day as usize],
            f.date as i64,
            MONTHS[f.month as usize],
            year(f.year),
            time_part(&f)
        ),
        Form::Iso => iso(t),
        Form::Locale => format!("{}, {}", locale_date(&f), locale_time(&f)),
        Form::LocaleDate => locale_date(&f),
        Form::LocaleTime => locale_time(&f),
    })
}

#[cfg(test)]
mod tests {
    use super::{Form, format};
    use pretty_assertions::assert_eq;

    #[test]
    fn formats_like_node() {
        // From node 18 with TZ=UTC.
        let vectors: &[(f64, Form, &str)] = &[
            (
                1796622673045.0,
                Form::Full,
                "Mon Dec 07 2026 05:51:13 GMT+0000 (Coordinated Universal Time)",
            ),
            (1796622673045.0, Form::Utc, "Mon, 07 Dec 2026 05:51:13 GMT"),
            (1796622673045.0, Form::Iso, "2026-12-07T05:51:13.045Z"),
            (1796622673045.0, Form::Locale, "12/7/2026, 5:51:13 AM"),
            (-62198755200000.0, Form::Date, "Fri Jan 01 -0001"),
            (
                -62198755200000.0,
                Form::Utc,
                "Fri, 01 Jan -0001 00:00:00 GMT",
            ),
            (-62198755200000.0, Form::Iso, "-000001-01-01T00:00:00.000Z"),
            (-62198755200000.0, Form::LocaleDate, "1/1/2"),
            (8.64e15, Form::Iso, "+275760-09-13T00:00:00.000Z"),
            (0.0, Form::LocaleTime, "12:00:00 AM"),
            (
                0.0,
                Form::Time,
                "00:00:00 GMT+0000 (Coordinated Universal Time)",
            ),
        ];
        for &(t, form, want) in vectors {
            assert_eq!(format(t, form).as_deref(), Some(want));
        }
        assert_eq!(format(f64::NAN, Form::Full), None);
    }
}
