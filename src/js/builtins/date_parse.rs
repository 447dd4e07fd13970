//! `Date.parse` and `new Date(string)`: the Date Time String Format of ECMA-262 §21.4.1.32
//! (strict: a string that starts like it and breaks a rule is NaN), then, as §21.4.3.2 allows,
//! the forms people write and that `toString`/`toUTCString` produce ("Tue Dec 07 2026
//! 05:51:13 GMT+0000 (…)", "Mon, 07 Dec 2026 05:51:13 GMT", "December 17, 1995 03:24:00",
//! "12/17/1995", "1995/12/17 1:30 PM"), read the way V8's legacy parser reads them.

use super::date_time::{from_components, make_date, make_day, make_time, time_clip};

/// The time value a date string denotes, or NaN.
pub fn parse(s: &str) -> f64 {
    let s = s.trim();
    if let Some(t) = iso(s.as_bytes()) {
        return time_clip(t);
    }
    if s.starts_with(['+', '-']) {
        return f64::NAN;
    }
    legacy(s).map_or(f64::NAN, time_clip)
}

/// A cursor over ASCII bytes.
struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    /// Exactly `n` decimal digits.
    fn digits(&mut self, n: usize) -> Option<f64> {
        let d = self.s.get(self.i..self.i + n)?;
        if !d.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.i += n;
        Some(d.iter().fold(0.0, |v, c| v * 10.0 + f64::from(c - b'0')))
    }
    /// A run of one or more digits: (value, number of digits).
    fn run(&mut self) -> Option<(f64, usize)> {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        let d = &self.s[start..self.i];
        (!d.is_empty()).then(|| {
            (
                d.iter().fold(0.0, |v, c| v * 10.0 + f64::from(c - b'0')),
                d.len(),
            )
        })
    }
    /// Milliseconds from a fraction's digits (the first three count).
    fn fraction(&mut self) -> Option<f64> {
        let start = self.i;
        let (_, n) = self.run()?;
        let d = &self.s[start..start + n.min(3)];
        let v = d.iter().fold(0.0, |v, c| v * 10.0 + f64::from(c - b'0'));
        Some(v * 10f64.powi(3 - d.len() as i32))
    }
    fn done(&self) -> bool {
        self.i == self.s.len()
    }
}

/// §21.4.1.32: `YYYY[-MM[-DD]][THH:mm[:ss[.sss]][Z|±HH:mm]]`, years also `±YYYYYY`.
/// Date-only forms are UTC; date-time forms without an offset are local time (UTC in kiln).
fn iso(s: &[u8]) -> Option<f64> {
    let mut c = Cursor { s, i: 0 };
    let year = match c.peek()? {
        b'+' | b'-' => {
            let neg = c.peek() == Some(b'-');
            c.i += 1;
            let y = c.digits(6)?;
            if neg && y == 0.0 {
                return None; // -000000 is not a year (§21.4.1.32.1)
            }
            if neg { -y } else { y }
        }
        _ => c.digits(4)?,
    };
    let mut month = 1.0;
    let mut date = 1.0;
    if c.eat(b'-') {
        month = c.digits(2)?;
        if c.eat(b'-') {
            date = c.digits(2)?;
        }
    }
    if !(1.0..=12.0).contains(&month) || !(1.0..=31.0).contains(&date) {
        return None;
    }
    let (mut h, mut min, mut sec, mut ms, mut offset) = (0.0, 0.0, 0.0, 0.0, 0.0);
    if c.eat(b'T') {
        h = c.digits(2)?;
        if !c.eat(b':') {
            return None;
        }
        min = c.digits(2)?;
        if c.eat(b':') {
            sec = c.digits(2)?;
            if c.eat(b'.') {
                ms = c.fraction()?;
            }
        }
        if h > 24.0 || min > 59.0 || sec > 59.0 || (h == 24.0 && min + sec + ms > 0.0) {
            return None;
        }
        match c.peek() {
            Some(b'Z') => c.i += 1,
            Some(sign @ (b'+' | b'-')) => {
                c.i += 1;
                let oh = c.digits(2)?;
                c.eat(b':');
                let om = c.digits(2)?;
                if oh > 23.0 || om > 59.0 {
                    return None;
                }
                offset = (oh * 60.0 + om) * if sign == b'-' { -1.0 } else { 1.0 };
            }
            _ => {}
        }
    }
    if !c.done() {
        return None;
    }
    let t = make_date(
        make_day(year, month - 1.0, date),
        make_time(h, min, sec, ms),
    );
    Some(t - offset * 60_000.0)
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const DAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/// A number of the date part: its value, digit count, and whether it had a sign.
#[derive(Clone, Copy)]
struct Part {
    value: f64,
    digits: usize,
    signed: bool,
}

impl Part {
    fn is_year(&self) -> bool {
        self.signed || self.digits >= 3 || self.value > 31.0
    }
    /// Two-digit years are 1950-2049, as in V8.
    fn year(&self) -> f64 {
        if !self.signed && self.digits <= 2 {
            self.value + if self.value < 50.0 { 2000.0 } else { 1900.0 }
        } else {
            self.value
        }
    }
}

/// The implementation-defined forms, tokenised word by word.
fn legacy(s: &str) -> Option<f64> {
    let mut c = Cursor {
        s: s.as_bytes(),
        i: 0,
    };
    let mut parts: Vec<Part> = Vec::new();
    let mut month: Option<f64> = None;
    let mut time: Option<[f64; 4]> = None;
    let mut pm: Option<bool> = None;
    let mut offset: Option<f64> = None;
    let mut zone_word = false;
    while let Some(ch) = c.peek() {
        match ch {
            b' ' | b',' | b'\t' | b'/' | b'.' => c.i += 1,
            b'(' => {
                let mut depth = 0;
                while let Some(x) = c.peek() {
                    c.i += 1;
                    depth += match x {
                        b'(' => 1,
                        b')' => -1,
                        _ => 0,
                    };
                    if depth == 0 {
                        break;
                    }
                }
            }
            b'0'..=b'9' => {
                let (value, digits) = c.run()?;
                if c.eat(b':') {
                    if time.is_some() {
                        return None;
                    }
                    let min = c.run()?.0;
                    let (mut sec, mut ms) = (0.0, 0.0);
                    if c.eat(b':') {
                        sec = c.run()?.0;
                        if c.eat(b'.') {
                            ms = c.fraction()?;
                        }
                    }
                    time = Some([value, min, sec, ms]);
                } else {
                    parts.push(Part {
                        value,
                        digits,
                        signed: false,
                    });
                    // "2000-1-1": a minus right after a number separates.
                    if c.peek() == Some(b'-') {
                        c.i += 1;
                    }
                }
            }
            b'+' | b'-' => {
                c.i += 1;
                let sign = if ch == b'-' { -1.0 } else { 1.0 };
                let (value, digits) = c.run()?;
                if zone_word || time.is_some() {
                    let minutes = if digits <= 2 {
                        let m = if c.eat(b':') { c.run()?.0 } else { 0.0 };
                        value * 60.0 + m
                    } else {
                        (value / 100.0).floor() * 60.0 + value % 100.0
                    };
                    offset = Some(sign * minutes);
                } else {
                    parts.push(Part {
                        value: sign * value,
                        digits,
                        signed: true,
                    });
                }
            }
            b'a'..=b'z' | b'A'..=b'Z' => {
                let start = c.i;
                while c.peek().is_some_and(|x| x.is_ascii_alphabetic()) {
                    c.i += 1;
                }
                let w = s[start..c.i].to_ascii_lowercase();
                match w.as_str() {
                    "am" | "pm" => pm = Some(w == "pm"),
                    "z" | "ut" | "utc" | "gmt" => {
                        zone_word = true;
                        offset = Some(0.0);
                    }
                    "t" => {}
                    _ if w.len() >= 3 && MONTHS.contains(&&w[..3]) => {
                        month = MONTHS.iter().position(|m| *m == &w[..3]).map(|i| i as f64);
                    }
                    _ if w.len() >= 3 && DAYS.contains(&&w[..3]) => {}
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    let (year, month, date) = match (month, parts.as_slice()) {
        (Some(m), [a, b]) if a.is_year() => (a.year(), m, b.value),
        (Some(m), [a, b]) => (b.year(), m, a.value),
        (None, [a, b, c]) if a.is_year() => (a.year(), b.value - 1.0, c.value),
        (None, [a, b, c]) => (c.year(), a.value - 1.0, b.value),
        (None, [a, b]) if a.is_year() => (a.year(), b.value - 1.0, 1.0),
        _ => return None,
    };
    let [mut h, min, sec, ms] = time.unwrap_or([0.0; 4]);
    if let Some(pm) = pm {
        if !(1.0..=12.0).contains(&h) {
            return None;
        }
        h = h % 12.0 + if pm { 12.0 } else { 0.0 };
    }
    let valid = (0.0..=11.0).contains(&month)
        && (1.0..=31.0).contains(&date)
        && (h < 24.0 || (h == 24.0 && min + sec + ms == 0.0))
        && min <= 59.0
        && sec <= 59.0;
    if !valid {
        return None;
    }
    let t = from_components([year, month, date, h, min, sec, ms]);
    Some(t - offset.unwrap_or(0.0) * 60_000.0)
}

#[cfg(test)]
mod tests {
    use super::parse;
    use pretty_assertions::assert_eq;

    #[test]
    fn parses_like_node() {
        // Expected values from node 18 (`Date.parse(s)`), except where the comment says the
        // specification decides differently.
        let vectors: &[(&str, f64)] = &[
            ("2019-02-29T00:00", 1551398400000.0),
            ("2019-13-01", f64::NAN),
            ("2000-01-01T24:00", 946771200000.0),
            ("2000-01-01T24:00:01", f64::NAN),
            ("-000000-01-01", f64::NAN), // §21.4.1.32.1 (V8 reads it as 2001)
            ("+002000-01-01T00:00:00Z", 946684800000.0),
            ("2000", 946684800000.0),
            ("2000-01", 946684800000.0),
            ("2000-01-01T00:00:00.1234Z", 946684800123.0),
            ("2000-01-01T00:00Z", 946684800000.0),
            ("2000-01-01T00:00:00+05:30", 946665000000.0),
            ("December 17, 1995 03:24:00", 819170640000.0),
            (
                "Tue Dec 07 2026 05:51:13 GMT+0000 (Coordinated Universal Time)",
                1796622673000.0,
            ),
            ("Mon, 07 Dec 2026 05:51:13 GMT", 1796622673000.0),
            ("12/17/1995", 819158400000.0),
            ("1995/12/17", 819158400000.0),
            ("Dec 25 1995 1:30 PM", 819898200000.0),
            ("Thu, 01 Jan 1970 00:00:00 GMT-0130", 5400000.0),
            ("2000-01-01T00:00:00.5", 946684800500.0),
            ("  2000-01-01", 946684800000.0),
            ("foo", f64::NAN),
            ("Jan 1 -271821", f64::NAN),
            ("1/2/3", 1041465600000.0),
            ("2000-1-1", 946684800000.0),
            ("275760-09-13", 8.64e15), // not the ISO form, read as year-month-day
            ("+275760-09-13T00:00:00.000Z", 8.64e15),
            ("+275760-09-13T00:00:00.001Z", f64::NAN),
            // toString of year -1 reads back (V8 gives NaN).
            ("Fri Jan 01 -0001 00:00:00 GMT+0000", -62198755200000.0),
            ("Fri, 01 Jan -0001 00:00:00 GMT", -62198755200000.0),
            ("", f64::NAN),
        ];
        for &(s, want) in vectors {
            let got = parse(s);
            assert_eq!(
                got.to_bits(),
                want.to_bits(),
                "Date.parse({s:?}) = {got}, want {want}"
            );
        }
    }
}
