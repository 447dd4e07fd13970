//! Time values and calendar arithmetic of ECMA-262 §21.4.1 (Day, YearFromTime, MakeTime,
//! MakeDay, MakeDate, TimeClip, MakeFullYear), as pure functions over `f64` milliseconds so
//! `Date`, `Date.parse` and the formatters share one calendar. kiln's local time zone is UTC
//! (LocalTZA is 0), so LocalTime and UTC are the identity.

pub const MS_PER_DAY: f64 = 86_400_000.0;
const MS_PER_HOUR: f64 = 3_600_000.0;
const MS_PER_MINUTE: f64 = 60_000.0;
const MS_PER_SECOND: f64 = 1000.0;
/// The largest |time value| (§21.4.1.1): ±100,000,000 days from the epoch.
const MAX_TIME: f64 = 8.64e15;
/// Years beyond this cannot be in range of any time value, whatever day is added.
const MAX_YEAR: f64 = 400_000.0;

/// ToIntegerOrInfinity of a finite number (-0 becomes +0).
fn integer(x: f64) -> f64 {
    x.trunc() + 0.0
}

/// Days from the epoch to the first of month `m` (0-11) of year `y` (proleptic Gregorian).
fn days_from_civil(y: f64, m: f64) -> f64 {
    let (yy, mm) = if m < 2.0 {
        (y - 1.0, m + 10.0)
    } else {
        (y, m - 2.0)
    };
    let era = (yy / 400.0).floor();
    let yoe = yy - era * 400.0;
    let doy = ((153.0 * mm + 2.0) / 5.0).floor();
    let doe = yoe * 365.0 + (yoe / 4.0).floor() - (yoe / 100.0).floor() + doy;
    era * 146097.0 + doe - 719468.0
}

/// (year, month 0-11, day 1-31) of a day number.
fn civil(days: f64) -> (f64, f64, f64) {
    let z = days + 719468.0;
    let era = (z / 146097.0).floor();
    let doe = z - era * 146097.0;
    let yoe = ((doe - (doe / 1460.0).floor() + (doe / 36524.0).floor() - (doe / 146096.0).floor())
        / 365.0)
        .floor();
    let doy = doe - (365.0 * yoe + (yoe / 4.0).floor() - (yoe / 100.0).floor());
    let mp = ((5.0 * doy + 2.0) / 153.0).floor();
    let d = doy - ((153.0 * mp + 2.0) / 5.0).floor() + 1.0;
    let m = if mp < 10.0 { mp + 2.0 } else { mp - 10.0 };
    let y = yoe + era * 400.0 + if m <= 1.0 { 1.0 } else { 0.0 };
    (y, m, d)
}

/// Day(t) (§21.4.1.3).
pub fn day(t: f64) -> f64 {
    (t / MS_PER_DAY).floor()
}

/// TimeWithinDay(t) (§21.4.1.4).
pub fn time_within_day(t: f64) -> f64 {
    t.rem_euclid(MS_PER_DAY)
}

/// The calendar fields of a finite time value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fields {
    pub year: f64,
    /// 0-11.
    pub month: f64,
    /// 1-31.
    pub date: f64,
    /// 0 (Sunday) - 6.
    pub week_day: f64,
    pub hour: f64,
    pub minute: f64,
    pub second: f64,
    pub ms: f64,
}

impl Fields {
    /// The seven settable components in `Date(y, m, d, h, min, s, ms)` order.
    pub fn components(&self) -> [f64; 7] {
        [
            self.year,
            self.month,
            self.date,
            self.hour,
            self.minute,
            self.second,
            self.ms,
        ]
    }
}

/// YearFromTime, MonthFromTime, DateFromTime, WeekDay, HourFromTime, … of `t` (finite).
pub fn fields(t: f64) -> Fields {
    let days = day(t);
    let ms = time_within_day(t);
    let (year, month, date) = civil(days);
    Fields {
        year,
        month,
        date,
        week_day: (days + 4.0).rem_euclid(7.0),
        hour: (ms / MS_PER_HOUR).floor(),
        minute: (ms / MS_PER_MINUTE).floor() % 60.0,
        second: (ms / MS_PER_SECOND).floor() % 60.0,
        ms: ms % MS_PER_SECOND,
    }
}

/// MakeTime (§21.4.1.28).
pub fn make_time(hour: f64, min: f64, sec: f64, ms: f64) -> f64 {
    if !(hour.is_finite() && min.is_finite() && sec.is_finite() && ms.is_finite()) {
        return f64::NAN;
    }
    integer(hour) * MS_PER_HOUR
        + integer(min) * MS_PER_MINUTE
        + integer(sec) * MS_PER_SECOND
        + integer(ms)
}

/// MakeDay (§21.4.1.29): NaN when no time value can have that year.
pub fn make_day(year: f64, month: f64, date: f64) -> f64 {
    if !(year.is_finite() && month.is_finite() && date.is_finite()) {
        return f64::NAN;
    }
    let (y, m, dt) = (integer(year), integer(month), integer(date));
    let ym = y + (m / 12.0).floor();
    if !ym.is_finite() || ym.abs() > MAX_YEAR {
        return f64::NAN;
    }
    days_from_civil(ym, m.rem_euclid(12.0)) + dt - 1.0
}

/// MakeDate (§21.4.1.30).
pub fn make_date(day: f64, time: f64) -> f64 {
    let tv = day * MS_PER_DAY + time;
    if tv.is_finite() { tv } else { f64::NAN }
}

/// MakeFullYear (§21.4.1.31): years 0-99 mean 1900-1999.
pub fn make_full_year(year: f64) -> f64 {
    if year.is_nan() {
        return f64::NAN;
    }
    let t = integer(year);
    if (0.0..=99.0).contains(&t) {
        1900.0 + t
    } else {
        year
    }
}

/// TimeClip (§21.4.1.32).
pub fn time_clip(t: f64) -> f64 {
    if !t.is_finite() || t.abs() > MAX_TIME {
        f64::NAN
    } else {
        integer(t)
    }
}

/// The time value of calendar components `[y, m, d, h, min, s, ms]` (unclipped).
pub fn from_components(c: [f64; 7]) -> f64 {
    make_date(
        make_day(c[0], c[1], c[2]),
        make_time(c[3], c[4], c[5], c[6]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn components_round_trip() {
        // (time value, [y, m, d, h, min, s, ms], weekday), from node's Date.
        let vectors: &[(f64, [f64; 7], f64)] = &[
            (0.0, [1970.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0], 4.0),
            (-1.0, [1969.0, 11.0, 31.0, 23.0, 59.0, 59.0, 999.0], 3.0),
            (951782400000.0, [2000.0, 1.0, 29.0, 0.0, 0.0, 0.0, 0.0], 2.0),
            (8.64e15, [275760.0, 8.0, 13.0, 0.0, 0.0, 0.0, 0.0], 6.0),
            (-8.64e15, [-271821.0, 3.0, 20.0, 0.0, 0.0, 0.0, 0.0], 2.0),
            (-62198755200000.0, [-1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0], 5.0),
            (
                1796622673045.0,
                [2026.0, 11.0, 7.0, 5.0, 51.0, 13.0, 45.0],
                1.0,
            ),
        ];
        for &(t, c, wd) in vectors {
            let f = fields(t);
            assert_eq!((f.components(), f.week_day), (c, wd), "fields({t})");
            assert_eq!(from_components(c), t, "from_components({c:?})");
        }
    }

    #[test]
    fn make_day_overflows_months_and_rejects_far_years() {
        assert_eq!(make_day(2000.0, 12.0, 1.0), make_day(2001.0, 0.0, 1.0));
        assert_eq!(make_day(2000.0, -1.0, 1.0), make_day(1999.0, 11.0, 1.0));
        assert_eq!(make_day(2019.0, 1.0, 30.0), make_day(2019.0, 2.0, 2.0));
        assert!(make_day(1e9, 0.0, 1.0).is_nan());
        assert!(make_day(f64::INFINITY, 0.0, 1.0).is_nan());
        assert!(make_time(0.0, f64::NAN, 0.0, 0.0).is_nan());
        assert_eq!(time_clip(-0.5).to_bits(), 0f64.to_bits());
        assert!(time_clip(8.64e15 + 1.0).is_nan());
        assert_eq!(make_full_year(99.9), 1999.0);
        assert_eq!(make_full_year(100.0), 100.0);
    }
}
