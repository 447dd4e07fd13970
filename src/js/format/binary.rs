//! `console.log` entries of binary data, as node's `util.inspect` writes them: typed arrays
//! (`Uint8Array(3) [ 1, 2, 3 ]`), ArrayBuffers (`ArrayBuffer { [Uint8Contents]: <01 02>,
//! byteLength: 2 }`, `(detached)`) and DataViews (`byteLength`, `byteOffset`, `buffer`).

use crate::js::value::Value;
use crate::js::vm::Vm;

/// node shows at most this many elements or bytes.
const MAX_SHOWN: usize = 100;

/// node's `buffer.INSPECT_MAX_BYTES`.
const BUFFER_SHOWN: usize = 50;

impl Vm {
    /// A Uint8Array whose prototype chain holds node's `Buffer.prototype`.
    pub(super) fn is_node_buffer(&self, o: Value) -> bool {
        let bp = self.realm[crate::js::vm::realm::BUFFER_PROTO];
        if !bp.is_object() || self.ta_kind(o) != Some(crate::js::typed::Kind::Uint8) {
            return false;
        }
        let mut p = self.obj(o).proto;
        while p.is_object() {
            if p == bp {
                return true;
            }
            p = self.obj(p).proto;
        }
        false
    }

    /// node's Buffer inspection: `<Buffer 68 69 ... 3 more bytes, key: value>`.
    pub(super) fn format_node_buffer(
        &mut self,
        ctx: &mut super::Ctx,
        o: Value,
        recurse: usize,
    ) -> String {
        let bytes = self.view_bytes(o);
        let n = bytes.len();
        let mut s: Vec<String> = bytes
            .iter()
            .take(BUFFER_SHOWN)
            .map(|b| format!("{b:02x}"))
            .collect();
        if n > BUFFER_SHOWN {
            let rem = n - BUFFER_SHOWN;
            s.push(format!(
                "... {rem} more byte{}",
                if rem > 1 { "s" } else { "" }
            ));
        }
        let mut out = s.join(" ");
        let keys: Vec<_> = self
            .own_keys(o, true)
            .into_iter()
            .filter(|k| matches!(k, crate::js::object::PropKey::Atom(_)))
            .collect();
        for k in keys {
            let p = self.format_property(ctx, o, k, recurse, true);
            out.push_str(", ");
            out.push_str(&p);
        }
        let name = self.constructor_name(o).unwrap_or_else(|| "Buffer".into());
        format!("<{name} {out}>")
    }

    /// The opening of a typed array's brackets: `Uint8Array(3) [`, `Sub(3) [Uint8Array] [`.
    pub(super) fn typed_open(&self, o: Value, ctor: &Option<String>) -> String {
        let name = self.ta_kind(o).map_or("TypedArray", |k| k.name());
        let n = self.ta_length_or_zero(o);
        match ctor {
            Some(c) if c == name => format!("{name}({n}) ["),
            Some(c) => format!("{c}({n}) [{name}] ["),
            None => format!("[{name}({n}): null prototype] ["),
        }
    }

    /// A typed array's element entries (with `... n more items`) and their values.
    pub(super) fn typed_entries(&mut self, o: Value) -> (Vec<String>, Vec<Value>) {
        let n = self.ta_length_or_zero(o);
        let vals: Vec<Value> = (0..n.min(MAX_SHOWN))
            .map(|i| self.ta_get(o, i).unwrap_or(Value::UNDEFINED))
            .collect();
        let mut out: Vec<String> = vals.iter().map(|&v| self.format_number_entry(v)).collect();
        if n > MAX_SHOWN {
            let rem = n - MAX_SHOWN;
            out.push(format!(
                "... {rem} more item{}",
                if rem > 1 { "s" } else { "" }
            ));
        }
        (out, vals)
    }

    fn format_number_entry(&self, v: Value) -> String {
        self.format_primitive(v, false)
    }

    /// An ArrayBuffer's `[Uint8Contents]: <..>` and `byteLength: n` entries.
    pub(super) fn buffer_entries(&self, b: Value) -> Vec<String> {
        let d = self.buf_data(b);
        if d.detached {
            return vec!["(detached)".into(), "byteLength: 0".into()];
        }
        let shown: Vec<String> = d
            .bytes
            .iter()
            .take(MAX_SHOWN)
            .map(|x| format!("{x:02x}"))
            .collect();
        let mut c = shown.join(" ");
        if d.bytes.len() > MAX_SHOWN {
            let rem = d.bytes.len() - MAX_SHOWN;
            c.push_str(&format!(
                " ... {rem} more byte{}",
                if rem > 1 { "s" } else { "" }
            ));
        }
        vec![
            format!("[Uint8Contents]: <{c}>"),
            format!("byteLength: {}", d.bytes.len()),
        ]
    }

    /// A DataView's `byteLength` and `byteOffset` entries (the buffer entry is formatted by
    /// the caller, nested).
    pub(super) fn view_entries(&self, v: Value) -> Vec<String> {
        let len = crate::js::builtins::view_byte_length(self, v).unwrap_or(0);
        vec![
            format!("byteLength: {len}"),
            format!("byteOffset: {}", self.view_offset(v)),
        ]
    }
}
