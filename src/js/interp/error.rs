//! Creating and throwing error objects, and recording where an exception was thrown.

use crate::js::atoms;
use crate::js::object::CLASS_ERROR;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{Thrown, Vm, realm};

impl Vm {
    /// A new error object of the class whose prototype is in realm slot `proto_slot`.
    pub fn make_error(&mut self, proto_slot: usize, msg: &str) -> Value {
        let proto = self.realm[proto_slot];
        let e = self.new_object_with(CLASS_ERROR, proto);
        let m = self.new_str(msg);
        self.define_own(
            e,
            crate::js::object::PropKey::Atom(atoms::MESSAGE),
            m,
            shape::HIDDEN,
        );
        self.roots.push(e);
        self.set_error_stack(e);
        self.roots.pop();
        e
    }

    /// Sets `stack` to "Name: message\n    at <location>".
    pub fn set_error_stack(&mut self, e: Value) {
        let name = match self.get_named(e, atoms::NAME) {
            Ok(v) if v.is_string() => self.str_to_string(v),
            _ => "Error".into(),
        };
        let msg = match self.get_named(e, atoms::MESSAGE) {
            Ok(v) if v.is_string() => self.str_to_string(v),
            _ => String::new(),
        };
        let head = if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        };
        let loc = self
            .current_location()
            .map(|(f, l, c)| format!("{f}:{l}:{c}"))
            .unwrap_or_else(|| "<anonymous>".into());
        let s = self.new_str(&format!("{head}\n    at {loc}"));
        self.define_own(
            e,
            crate::js::object::PropKey::Atom(atoms::STACK),
            s,
            shape::HIDDEN,
        );
    }

    /// (file, line, column) of the instruction executing in the innermost frame.
    pub fn current_location(&self) -> Option<(String, u32, u32)> {
        let f = self.frames.last()?;
        // SAFETY: frame code pointers refer to boxed FunctionCodes owned by self.codes.
        let code = unsafe { &*f.code };
        let (l, c) = code.line_at(f.pc as u32)?;
        Some((code.file.to_string(), l, c))
    }

    /// Throws `v`: stores it as the pending exception and notes the throw site.
    pub fn throw_value(&mut self, v: Value) -> Thrown {
        if v != self.exception || self.throw_site.is_none() {
            self.throw_site = self.current_location();
        }
        self.exception = v;
        Thrown
    }
    pub fn throw_error(&mut self, proto_slot: usize, msg: &str) -> Thrown {
        let e = self.make_error(proto_slot, msg);
        self.throw_value(e)
    }
    pub fn throw_type_error(&mut self, msg: &str) -> Thrown {
        self.throw_error(realm::TYPE_ERROR_PROTO, msg)
    }
    pub fn throw_range_error(&mut self, msg: &str) -> Thrown {
        self.throw_error(realm::RANGE_ERROR_PROTO, msg)
    }
    pub fn throw_reference_error(&mut self, msg: &str) -> Thrown {
        self.throw_error(realm::REFERENCE_ERROR_PROTO, msg)
    }
    pub fn throw_syntax_error(&mut self, msg: &str) -> Thrown {
        self.throw_error(realm::SYNTAX_ERROR_PROTO, msg)
    }
}
