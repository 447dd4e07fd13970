//! The global object properties a Script or (sloppy, global) eval code declares: ES2025
//! 16.1.7 GlobalDeclarationInstantiation and 19.2.1.3 EvalDeclarationInstantiation, steps
//! that check every name can be declared (CanDeclareGlobalFunction / CanDeclareGlobalVar,
//! 9.1.1.4.15-16) before creating any (CreateGlobalFunctionBinding / CreateGlobalVarBinding,
//! 9.1.1.4.17-18). Eval code's bindings are configurable; a Script's are not.

use crate::js::compiler::ScriptDecls;
use crate::js::object::PropKey;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{JsResult, Vm};

impl Vm {
    /// Declares `decls` on the global object (functions start out undefined: the code's
    /// own prologue stores the function objects), or throws a TypeError naming the first
    /// one that cannot be declared.
    pub fn declare_globals(&mut self, decls: &ScriptDecls) -> JsResult<()> {
        let g = self.global;
        let extensible = self.is_extensible_obj(g);
        let mut fkeys = Vec::with_capacity(decls.functions.len());
        for name in &decls.functions {
            let key = PropKey::Atom(self.intern(name));
            let ok = match self.get_own_raw(g, key) {
                None => extensible,
                Some((_, f)) if f & shape::CONFIGURABLE != 0 => true,
                Some((_, f)) => {
                    f & shape::ACCESSOR == 0
                        && f & (shape::WRITABLE | shape::ENUMERABLE)
                            == shape::WRITABLE | shape::ENUMERABLE
                }
            };
            if !ok {
                let msg = format!("Cannot redefine global function '{name}'");
                return Err(self.throw_type_error(&msg));
            }
            fkeys.push(key);
        }
        let mut vkeys = Vec::with_capacity(decls.vars.len());
        for name in &decls.vars {
            let key = PropKey::Atom(self.intern(name));
            if self.get_own_raw(g, key).is_none() {
                if !extensible {
                    let msg = format!("Cannot define global variable '{name}'");
                    return Err(self.throw_type_error(&msg));
                }
                vkeys.push(key);
            }
        }
        let deletable = if decls.eval { shape::CONFIGURABLE } else { 0 };
        let fresh = shape::WRITABLE | shape::ENUMERABLE | deletable;
        for key in fkeys {
            let configurable = self
                .get_own_raw(g, key)
                .is_none_or(|(_, f)| f & shape::CONFIGURABLE != 0);
            if configurable {
                self.define_own(g, key, Value::UNDEFINED, fresh);
            }
        }
        for key in vkeys {
            if self.get_own_raw(g, key).is_none() {
                self.define_own(g, key, Value::UNDEFINED, fresh);
            }
        }
        Ok(())
    }
}
