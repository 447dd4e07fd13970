//! Expressions. `expr(e, dst)` evaluates `e` into `dst`, which callers guarantee is a
//! scratch register (never a variable's home register), so it may be written early.

use oxc_ast::ast::*;
use oxc_span::GetSpan;
use oxc_syntax::operator::{
    AssignmentOperator, BinaryOperator, LogicalOperator, UnaryOperator, UpdateOperator,
};

use super::{CResult, Compiler, Res};
use crate::js::bytecode::Op;
use crate::js::format::number::number_to_string;

/// Static property name of a member-like key, if any.
pub(crate) fn prop_key_name(k: &PropertyKey) -> Option<String> {
    match k {
        PropertyKey::StaticIdentifier(id) => Some(id.name.to_string()),
        PropertyKey::PrivateIdentifier(id) => Some(format!("#{}", id.name)),
        PropertyKey::StringLiteral(s) => Some(s.value.to_string()),
        PropertyKey::NumericLiteral(n) => Some(number_to_string(n.value)),
        PropertyKey::BigIntLiteral(b) => Some(b.value.to_string()),
        _ => None,
    }
}

fn is_index_like(s: &str) -> bool {
    crate::js::string::parse_index(&crate::js::string::utf16(s)).is_some()
}

pub(crate) fn binop(op: BinaryOperator) -> Op {
    use BinaryOperator::*;
    match op {
        Equality => Op::Eq,
        Inequality => Op::NotEq,
        StrictEquality => Op::StrictEq,
        StrictInequality => Op::StrictNotEq,
        LessThan => Op::LessThan,
        LessEqualThan => Op::LessEq,
        GreaterThan => Op::GreaterThan,
        GreaterEqualThan => Op::GreaterEq,
        Addition => Op::Add,
        Subtraction => Op::Sub,
        Multiplication => Op::Mul,
        Division => Op::Div,
        Remainder => Op::Rem,
        Exponential => Op::Exp,
        ShiftLeft => Op::Shl,
        ShiftRight => Op::Shr,
        ShiftRightZeroFill => Op::UShr,
        BitwiseOR => Op::BitOr,
        BitwiseXOR => Op::BitXor,
        BitwiseAnd => Op::BitAnd,
        In => Op::In,
        Instanceof => Op::InstanceOf,
    }
}

fn assign_binop(op: AssignmentOperator) -> Option<Op> {
    use AssignmentOperator::*;
    Some(match op {
        Addition => Op::Add,
        Subtraction => Op::Sub,
        Multiplication => Op::Mul,
        Division => Op::Div,
        Remainder => Op::Rem,
        Exponential => Op::Exp,
        ShiftLeft => Op::Shl,
        ShiftRight => Op::Shr,
        ShiftRightZeroFill => Op::UShr,
        BitwiseOR => Op::BitOr,
        BitwiseXOR => Op::BitXor,
        BitwiseAnd => Op::BitAnd,
        _ => return None,
    })
}

/// A member access target evaluated once (object register + key).
pub(crate) enum MemberRef {
    Named(u16, i64),
    Keyed(u16, u16),
    /// `obj.#x`: the object and the private name.
    Private(u16, u16),
}

impl<'a, 'v> Compiler<'a, 'v> {
    pub(crate) fn is_simple(e: &Expression) -> bool {
        matches!(
            e,
            Expression::NumericLiteral(_)
                | Expression::StringLiteral(_)
                | Expression::BooleanLiteral(_)
                | Expression::NullLiteral(_)
                | Expression::Identifier(_)
                | Expression::ThisExpression(_)
        )
    }

    /// Evaluates into a fresh temporary.
    pub(crate) fn expr_temp(&mut self, e: &'a Expression<'a>) -> CResult<u16> {
        let t = self.temp()?;
        self.expr(e, t)?;
        Ok(t)
    }

    /// Evaluates into some register: a local's own register when `e` is a plain local.
    pub(crate) fn expr_reg(&mut self, e: &'a Expression<'a>) -> CResult<u16> {
        if let Expression::Identifier(id) = e
            && let Some(r) = self.var_reg(id.name.as_str(), id.span.start)
        {
            return Ok(r);
        }
        self.expr_temp(e)
    }

    pub(crate) fn load_number(&mut self, n: f64, dst: u16) {
        if n == n.trunc() && (-128.0..=127.0).contains(&n) && !(n == 0.0 && n.is_sign_negative()) {
            self.emit(Op::LoadInt8, &[dst as i64, n as i64]);
        } else {
            let k = self.const_num(n);
            self.emit(Op::LoadConst, &[dst as i64, k]);
        }
    }
    pub(crate) fn load_str(&mut self, s: &str, dst: u16) {
        let k = self.const_str(s);
        self.emit(Op::LoadConst, &[dst as i64, k]);
    }

    /// Compiles `e` with a name for anonymous functions/classes.
    pub(crate) fn expr_named(
        &mut self,
        e: &'a Expression<'a>,
        dst: u16,
        name: &str,
    ) -> CResult<()> {
        match e {
            Expression::FunctionExpression(f) if f.id.is_none() => {
                self.function_expr(f, dst, Some(name))
            }
            Expression::ArrowFunctionExpression(a) => self.arrow_expr(a, dst, name),
            Expression::ClassExpression(c) if c.id.is_none() => self.class_expr(c, dst, Some(name)),
            Expression::ParenthesizedExpression(p) => self.expr_named(&p.expression, dst, name),
            _ => self.expr(e, dst),
        }
    }

    pub(crate) fn expr(&mut self, e: &'a Expression<'a>, dst: u16) -> CResult<()> {
        let d = dst as i64;
        match e {
            Expression::BooleanLiteral(b) => {
                self.emit(if b.value { Op::LoadTrue } else { Op::LoadFalse }, &[d]);
            }
            Expression::NullLiteral(_) => {
                self.emit(Op::LoadNull, &[d]);
            }
            Expression::NumericLiteral(n) => self.load_number(n.value, dst),
            Expression::StringLiteral(s) if s.lone_surrogates => {
                let k = self.const_str_lossy(s.value.as_str());
                self.emit(Op::LoadConst, &[d, k]);
            }
            Expression::StringLiteral(s) => self.load_str(s.value.as_str(), dst),
            Expression::TemplateLiteral(t) => self.template(t, dst)?,
            Expression::Identifier(id) => self.load_var(id.name.as_str(), id.span.start, dst)?,
            Expression::ThisExpression(t) => self.load_var("this", t.span.start, dst)?,
            Expression::ParenthesizedExpression(p) => self.expr(&p.expression, dst)?,
            Expression::ArrayExpression(a) => self.array_literal(a, dst)?,
            Expression::ObjectExpression(o) => self.object_literal(o, dst)?,
            Expression::FunctionExpression(f) => self.function_expr(f, dst, None)?,
            Expression::ArrowFunctionExpression(a) => self.arrow_expr(a, dst, "")?,
            Expression::ClassExpression(c) => self.class_expr(c, dst, None)?,
            Expression::UnaryExpression(u) => self.unary(u, dst)?,
            Expression::BinaryExpression(b) => {
                let m = self.reg_mark();
                let l = if Self::is_simple(&b.right) {
                    self.expr_reg(&b.left)?
                } else {
                    self.expr_temp(&b.left)?
                };
                let r = self.expr_reg(&b.right)?;
                self.mark_line(b.span.start);
                self.emit(binop(b.operator), &[d, l as i64, r as i64]);
                self.reg_release(m);
            }
            Expression::LogicalExpression(l) => {
                self.expr(&l.left, dst)?;
                let j = match l.operator {
                    LogicalOperator::And => self.emit(Op::JumpIfFalse, &[d, 0]),
                    LogicalOperator::Or => self.emit(Op::JumpIfTrue, &[d, 0]),
                    LogicalOperator::Coalesce => self.emit(Op::JumpIfNotNullish, &[d, 0]),
                };
                self.expr(&l.right, dst)?;
                self.patch_here(j);
            }
            Expression::ConditionalExpression(c) => {
                let m = self.reg_mark();
                let t = self.expr_reg(&c.test)?;
                let jf = self.emit(Op::JumpIfFalse, &[t as i64, 0]);
                self.reg_release(m);
                self.expr(&c.consequent, dst)?;
                let je = self.jump();
                self.patch_here(jf);
                self.expr(&c.alternate, dst)?;
                self.patch_here(je);
            }
            Expression::SequenceExpression(s) => {
                for x in &s.expressions {
                    self.expr(x, dst)?;
                }
            }
            Expression::AssignmentExpression(a) => self.assignment(a, dst)?,
            Expression::UpdateExpression(u) => self.update(u, dst, u.prefix)?,
            Expression::CallExpression(c) => self.call(c, dst)?,
            Expression::NewExpression(n) => self.new_expr(n, dst)?,
            Expression::StaticMemberExpression(_)
            | Expression::ComputedMemberExpression(_)
            | Expression::PrivateFieldExpression(_) => {
                let me = e.as_member_expression().expect("member");
                self.member_get(me, dst)?;
            }
            Expression::ChainExpression(c) => {
                let saved = self.chain_exits.replace(Vec::new());
                match &c.expression {
                    ChainElement::CallExpression(call) => self.call(call, dst)?,
                    ChainElement::TSNonNullExpression(t) => self.expr(&t.expression, dst)?,
                    other => {
                        let me = other.as_member_expression().expect("member");
                        self.member_get(me, dst)?;
                    }
                }
                let exits = std::mem::replace(&mut self.chain_exits, saved).unwrap_or_default();
                if !exits.is_empty() {
                    let j = self.jump();
                    self.patch_all_here(exits);
                    self.emit(Op::LoadUndefined, &[d]);
                    self.patch_here(j);
                }
            }
            Expression::PrivateInExpression(p) => self.private_in(p, dst)?,
            Expression::ImportMeta(m) => self.import_meta(dst, m.span)?,
            Expression::ImportExpression(i) => self.dynamic_import(i, dst)?,
            Expression::NewTarget(_) => {
                self.emit(Op::LoadNewTarget, &[d]);
            }
            Expression::TSAsExpression(t) => self.expr(&t.expression, dst)?,
            Expression::TSNonNullExpression(t) => self.expr(&t.expression, dst)?,
            Expression::Super(s) => return self.err(s.span, "'super' keyword unexpected here"),
            Expression::RegExpLiteral(r) => self.regexp_literal(r, d)?,
            Expression::BigIntLiteral(b) => {
                let k = self.const_bigint(b.value.as_str());
                self.emit(Op::LoadConst, &[d, k]);
            }
            Expression::TaggedTemplateExpression(t) => self.tagged_template(t, dst)?,
            Expression::AwaitExpression(a) => self.await_expr(a, dst)?,
            Expression::YieldExpression(y) => self.yield_expr(y, dst)?,
            other => return self.err(other.span(), "unsupported expression"),
        }
        Ok(())
    }

    fn template(&mut self, t: &'a TemplateLiteral<'a>, dst: u16) -> CResult<()> {
        let d = dst as i64;
        let first = t.quasis[0].value.cooked.map(|c| c.as_str()).unwrap_or("");
        self.load_quasi(first, t.quasis[0].lone_surrogates, dst);
        let m = self.reg_mark();
        let tmp = self.temp()?;
        for (i, e) in t.expressions.iter().enumerate() {
            self.expr(e, tmp)?;
            self.emit(Op::ToString, &[tmp as i64, tmp as i64]);
            self.emit(Op::Add, &[d, d, tmp as i64]);
            let q = t.quasis[i + 1]
                .value
                .cooked
                .map(|c| c.as_str())
                .unwrap_or("");
            if !q.is_empty() {
                self.load_quasi(q, t.quasis[i + 1].lone_surrogates, tmp);
                self.emit(Op::Add, &[d, d, tmp as i64]);
            }
        }
        self.reg_release(m);
        Ok(())
    }

    fn load_quasi(&mut self, s: &str, lossy: bool, dst: u16) {
        if lossy {
            let k = self.const_str_lossy(s);
            self.emit(Op::LoadConst, &[dst as i64, k]);
        } else {
            self.load_str(s, dst);
        }
    }

    fn array_literal(&mut self, a: &'a ArrayExpression<'a>, dst: u16) -> CResult<()> {
        let d = dst as i64;
        self.emit(Op::NewArray, &[d]);
        let m = self.reg_mark();
        let t = self.temp()?;
        for el in &a.elements {
            match el {
                ArrayExpressionElement::Elision(_) => {
                    self.emit(Op::ArrayPushHole, &[d]);
                }
                ArrayExpressionElement::SpreadElement(s) => {
                    self.expr(&s.argument, t)?;
                    self.emit(Op::ArraySpread, &[d, t as i64]);
                }
                other => {
                    let e = other.to_expression();
                    self.expr(e, t)?;
                    self.emit(Op::ArrayPush, &[d, t as i64]);
                }
            }
        }
        self.reg_release(m);
        Ok(())
    }

    /// Evaluates a property key into a register (computed keys) or returns its static name.
    pub(crate) fn property_key(
        &mut self,
        k: &'a PropertyKey<'a>,
        computed: bool,
    ) -> CResult<Result<String, u16>> {
        if !computed && let Some(n) = prop_key_name(k) {
            return Ok(Ok(n));
        }
        let e = k.as_expression().expect("computed key");
        let r = self.expr_temp(e)?;
        Ok(Err(r))
    }

    fn object_literal(&mut self, o: &'a ObjectExpression<'a>, dst: u16) -> CResult<()> {
        let d = dst as i64;
        self.emit(Op::NewObject, &[d]);
        for p in &o.properties {
            let m = self.reg_mark();
            match p {
                ObjectPropertyKind::SpreadProperty(s) => {
                    let t = self.expr_temp(&s.argument)?;
                    self.emit(Op::CopyDataProperties, &[d, t as i64]);
                }
                ObjectPropertyKind::ObjectProperty(p) => {
                    let key = self.property_key(&p.key, p.computed)?;
                    let v = self.temp()?;
                    let name = key.as_ref().ok().cloned().unwrap_or_default();
                    match p.kind {
                        PropertyKind::Init => {
                            if !p.computed && !p.shorthand && !p.method && name == "__proto__" {
                                self.expr(&p.value, v)?;
                                let a = self.atom("__proto__");
                                let ic = self.ic();
                                self.emit(Op::SetPropertyByName, &[d, a, v as i64, ic]);
                                self.reg_release(m);
                                continue;
                            }
                            if p.method
                                && let Expression::FunctionExpression(f) = &p.value
                            {
                                self.method_fn(f, v, &name, p.span)?;
                            } else {
                                self.expr_named(&p.value, v, &name)?;
                            }
                            match key {
                                Ok(n) if !is_index_like(&n) => {
                                    let a = self.atom(&n);
                                    self.emit(Op::DefineField, &[d, a, v as i64]);
                                }
                                Ok(n) => {
                                    let k = self.temp()?;
                                    self.load_str(&n, k);
                                    self.emit(Op::DefineElement, &[d, k as i64, v as i64]);
                                }
                                Err(k) => {
                                    let anon = p.method
                                        || matches!(&p.value, Expression::FunctionExpression(f) if f.id.is_none())
                                        || matches!(
                                            &p.value,
                                            Expression::ArrowFunctionExpression(_)
                                        );
                                    if anon {
                                        self.emit(Op::SetFunctionName, &[v as i64, k as i64]);
                                    }
                                    self.emit(Op::DefineElement, &[d, k as i64, v as i64]);
                                }
                            }
                        }
                        PropertyKind::Get | PropertyKind::Set => {
                            let Expression::FunctionExpression(f) = &p.value else {
                                return self.err(p.span, "bad accessor");
                            };
                            let prefix = if p.kind == PropertyKind::Get {
                                "get "
                            } else {
                                "set "
                            };
                            self.method_fn(f, v, &format!("{prefix}{name}"), p.span)?;
                            let k = match key {
                                Ok(n) => {
                                    let k = self.temp()?;
                                    self.load_str(&n, k);
                                    k
                                }
                                Err(k) => k,
                            };
                            let op = if p.kind == PropertyKind::Get {
                                Op::DefineGetter
                            } else {
                                Op::DefineSetter
                            };
                            self.emit(op, &[d, k as i64, v as i64, 1]);
                        }
                    }
                }
            }
            self.reg_release(m);
        }
        Ok(())
    }

    /// `delete obj.key` / `delete obj[key]` into `dst`. An optional member (`obj?.key`, only
    /// inside a chain) first records a nullish exit in `chain_exits`.
    fn delete_member(&mut self, me: &'a MemberExpression<'a>, dst: u16) -> CResult<()> {
        let m = self.reg_mark();
        let obj = self.expr_temp(me.object())?;
        if me.optional() {
            let j = self.emit(Op::JumpIfNullish, &[obj as i64, 0]);
            self.chain_exits.get_or_insert_with(Vec::new).push(j);
        }
        let k = self.temp()?;
        match me {
            MemberExpression::ComputedMemberExpression(c) => self.expr(&c.expression, k)?,
            MemberExpression::StaticMemberExpression(s) => {
                self.load_str(s.property.name.as_str(), k)
            }
            MemberExpression::PrivateFieldExpression(p) => {
                return self.err(p.span, "Private fields can not be deleted");
            }
        }
        self.emit(Op::DeleteProperty, &[dst as i64, obj as i64, k as i64]);
        self.reg_release(m);
        Ok(())
    }

    fn unary(&mut self, u: &'a UnaryExpression<'a>, dst: u16) -> CResult<()> {
        let d = dst as i64;
        match u.operator {
            UnaryOperator::Typeof => {
                // `typeof (x)` too: parentheses keep the reference (ES2025 13.2.9.1).
                if let Expression::Identifier(id) = u.argument.without_parentheses() {
                    self.check_arguments_allowed(id.name.as_str(), id.span.start)?;
                }
                if let Expression::Identifier(id) = u.argument.without_parentheses()
                    && matches!(self.resolve(id.name.as_str()).0, Res::Global)
                    && id.name != "undefined"
                {
                    // `typeof` of an unresolvable name is "undefined" (after any `with`
                    // objects were asked for it).
                    let name = id.name.as_str();
                    let a = self.atom(name);
                    let chain = self.with_chain(name);
                    if chain.is_empty() {
                        self.emit(Op::TypeOfGlobal, &[d, a]);
                        return Ok(());
                    }
                    let m = self.reg_mark();
                    let t = self.temp()?;
                    let found = self.with_load(&chain, name, id.span.start, t)?;
                    self.emit(Op::TypeOfGlobal, &[d, a]);
                    let done = self.jump();
                    self.patch_all_here(found);
                    self.emit(Op::TypeOf, &[d, t as i64]);
                    self.patch_here(done);
                    self.reg_release(m);
                    return Ok(());
                }
                let m = self.reg_mark();
                let r = self.expr_reg(&u.argument)?;
                self.emit(Op::TypeOf, &[d, r as i64]);
                self.reg_release(m);
            }
            UnaryOperator::Void => {
                self.expr(&u.argument, dst)?;
                self.emit(Op::LoadUndefined, &[d]);
            }
            UnaryOperator::Delete => {
                let mut arg = &u.argument;
                while let Expression::ParenthesizedExpression(p) = arg {
                    arg = &p.expression;
                }
                if let Expression::ChainExpression(c) = arg
                    && let Some(me) = c.expression.as_member_expression()
                {
                    let saved = self.chain_exits.replace(Vec::new());
                    self.delete_member(me, dst)?;
                    let exits = std::mem::replace(&mut self.chain_exits, saved).unwrap_or_default();
                    if !exits.is_empty() {
                        let j = self.jump();
                        self.patch_all_here(exits);
                        self.emit(Op::LoadTrue, &[d]);
                        self.patch_here(j);
                    }
                } else if let Some(me) = arg.as_member_expression() {
                    self.delete_member(me, dst)?;
                } else if let Expression::Identifier(id) = arg {
                    // A binding cannot be deleted; a `with` object's property can.
                    let chain = self.with_chain(id.name.as_str());
                    let ends = self.with_delete(&chain, id.name.as_str(), dst)?;
                    self.emit(Op::LoadFalse, &[d]);
                    self.patch_all_here(ends);
                } else {
                    self.expr(arg, dst)?;
                    self.emit(Op::LoadTrue, &[d]);
                }
            }
            _ => {
                let m = self.reg_mark();
                let r = self.expr_reg(&u.argument)?;
                let op = match u.operator {
                    UnaryOperator::UnaryNegation => Op::Neg,
                    UnaryOperator::UnaryPlus => Op::ToNumber,
                    UnaryOperator::LogicalNot => Op::Not,
                    UnaryOperator::BitwiseNot => Op::BitNot,
                    _ => unreachable!(),
                };
                self.emit(op, &[d, r as i64]);
                self.reg_release(m);
            }
        }
        Ok(())
    }

    /// Evaluates a member expression's object and key (once) for read-modify-write.
    pub(crate) fn member_ref(&mut self, me: &'a MemberExpression<'a>) -> CResult<MemberRef> {
        let obj = self.expr_temp(me.object())?;
        Ok(match me {
            MemberExpression::StaticMemberExpression(s) => {
                let a = self.atom(s.property.name.as_str());
                if matches!(s.object, Expression::ThisExpression(_)) {
                    let names = &mut self.f().this_names;
                    if !names.contains(&a) {
                        names.push(a);
                    }
                }
                MemberRef::Named(obj, a)
            }
            MemberExpression::PrivateFieldExpression(p) => {
                MemberRef::Private(obj, self.private_name_temp(&p.field)?)
            }
            MemberExpression::ComputedMemberExpression(c) => {
                let k = self.expr_temp(&c.expression)?;
                MemberRef::Keyed(obj, k)
            }
        })
    }
    pub(crate) fn ref_get(&mut self, r: &MemberRef, dst: u16) {
        match *r {
            MemberRef::Named(o, a) => {
                let ic = self.ic();
                self.emit(Op::GetPropertyByName, &[dst as i64, o as i64, a, ic]);
            }
            MemberRef::Keyed(o, k) => {
                self.emit(Op::GetElement, &[dst as i64, o as i64, k as i64]);
            }
            MemberRef::Private(o, n) => {
                self.emit(Op::GetPrivate, &[dst as i64, o as i64, n as i64]);
            }
        }
    }
    pub(crate) fn ref_set(&mut self, r: &MemberRef, src: u16) {
        match *r {
            MemberRef::Named(o, a) => {
                let ic = self.ic();
                self.emit(Op::SetPropertyByName, &[o as i64, a, src as i64, ic]);
            }
            MemberRef::Keyed(o, k) => {
                self.emit(Op::SetElement, &[o as i64, k as i64, src as i64]);
            }
            MemberRef::Private(o, n) => {
                self.emit(Op::SetPrivate, &[o as i64, n as i64, src as i64]);
            }
        }
    }

    pub(crate) fn member_get(&mut self, me: &'a MemberExpression<'a>, dst: u16) -> CResult<()> {
        let d = dst as i64;
        if let Expression::Super(sp) = me.object() {
            self.check_super_property(sp.span)?;
            let m = self.reg_mark();
            let k = self.temp()?;
            match me {
                MemberExpression::StaticMemberExpression(s) => {
                    self.load_str(s.property.name.as_str(), k)
                }
                MemberExpression::ComputedMemberExpression(c) => self.expr(&c.expression, k)?,
                MemberExpression::PrivateFieldExpression(p) => {
                    return self.err(p.span, "bad super access");
                }
            }
            self.emit(Op::GetSuperProperty, &[d, k as i64]);
            self.reg_release(m);
            return Ok(());
        }
        let m = self.reg_mark();
        let obj = self.expr_reg(me.object())?;
        if me.optional() {
            let j = self.emit(Op::JumpIfNullish, &[obj as i64, 0]);
            self.chain_exits.get_or_insert_with(Vec::new).push(j);
        }
        self.mark_line(me.span().start);
        match me {
            MemberExpression::StaticMemberExpression(s) => {
                let a = self.atom(s.property.name.as_str());
                let ic = self.ic();
                self.emit(Op::GetPropertyByName, &[d, obj as i64, a, ic]);
            }
            MemberExpression::PrivateFieldExpression(p) => self.private_get(obj, &p.field, dst)?,
            MemberExpression::ComputedMemberExpression(c) => {
                if let Expression::StringLiteral(s) = &c.expression
                    && !is_index_like(s.value.as_str())
                {
                    let a = self.atom(s.value.as_str());
                    let ic = self.ic();
                    self.emit(Op::GetPropertyByName, &[d, obj as i64, a, ic]);
                } else {
                    let k = self.expr_reg(&c.expression)?;
                    self.emit(Op::GetElement, &[d, obj as i64, k as i64]);
                }
            }
        }
        self.reg_release(m);
        Ok(())
    }

    fn assignment(&mut self, a: &'a AssignmentExpression<'a>, dst: u16) -> CResult<()> {
        let d = dst as i64;
        match &a.left {
            AssignmentTarget::AssignmentTargetIdentifier(id) => {
                let name = id.name.as_str();
                self.tdz_store_check(name, id.span.start)?;
                match a.operator {
                    AssignmentOperator::Assign => {
                        self.expr_named(&a.right, dst, name)?;
                    }
                    AssignmentOperator::LogicalAnd
                    | AssignmentOperator::LogicalOr
                    | AssignmentOperator::LogicalNullish => {
                        self.load_var(name, id.span.start, dst)?;
                        let j = match a.operator {
                            AssignmentOperator::LogicalAnd => self.emit(Op::JumpIfFalse, &[d, 0]),
                            AssignmentOperator::LogicalOr => self.emit(Op::JumpIfTrue, &[d, 0]),
                            _ => self.emit(Op::JumpIfNotNullish, &[d, 0]),
                        };
                        self.expr_named(&a.right, dst, name)?;
                        self.store_var(name, dst, false)?;
                        self.patch_here(j);
                        return Ok(());
                    }
                    op => {
                        self.load_var(name, id.span.start, dst)?;
                        let m = self.reg_mark();
                        let r = self.expr_reg(&a.right)?;
                        self.emit(assign_binop(op).expect("binop"), &[d, d, r as i64]);
                        self.reg_release(m);
                    }
                }
                self.store_var(name, dst, false)
            }
            AssignmentTarget::ArrayAssignmentTarget(_)
            | AssignmentTarget::ObjectAssignmentTarget(_) => {
                self.expr(&a.right, dst)?;
                self.assign_target(&a.left, dst)
            }
            other => {
                let Some(me) = other.as_member_expression() else {
                    return self.err(a.span, "invalid assignment target");
                };
                let m = self.reg_mark();
                let r = self.member_ref(me)?;
                match a.operator {
                    AssignmentOperator::Assign => {
                        self.expr(&a.right, dst)?;
                    }
                    AssignmentOperator::LogicalAnd
                    | AssignmentOperator::LogicalOr
                    | AssignmentOperator::LogicalNullish => {
                        self.ref_get(&r, dst);
                        let j = match a.operator {
                            AssignmentOperator::LogicalAnd => self.emit(Op::JumpIfFalse, &[d, 0]),
                            AssignmentOperator::LogicalOr => self.emit(Op::JumpIfTrue, &[d, 0]),
                            _ => self.emit(Op::JumpIfNotNullish, &[d, 0]),
                        };
                        self.expr(&a.right, dst)?;
                        self.ref_set(&r, dst);
                        self.patch_here(j);
                        self.reg_release(m);
                        return Ok(());
                    }
                    op => {
                        self.ref_get(&r, dst);
                        let rr = self.expr_reg(&a.right)?;
                        self.emit(assign_binop(op).expect("binop"), &[d, d, rr as i64]);
                    }
                }
                self.mark_line(a.span.start);
                self.ref_set(&r, dst);
                self.reg_release(m);
                Ok(())
            }
        }
    }

    /// Evaluates `e` for its effects only (statement position, `for` update): postfix updates
    /// become prefix ones, and a register local is incremented in place.
    pub(crate) fn expr_discard(&mut self, e: &'a Expression<'a>) -> CResult<()> {
        match e {
            Expression::UpdateExpression(u) => {
                if let SimpleAssignmentTarget::AssignmentTargetIdentifier(id) = &u.argument
                    && let Some(r) = self.var_reg(id.name.as_str(), id.span.start)
                    && !matches!(
                        self.resolve(id.name.as_str()).1,
                        Some(super::BKind::Const | super::BKind::Callee)
                    )
                {
                    let op = if u.operator == UpdateOperator::Increment {
                        Op::Inc
                    } else {
                        Op::Dec
                    };
                    self.emit(op, &[r as i64, r as i64]);
                    return Ok(());
                }
                let m = self.reg_mark();
                let t = self.temp()?;
                self.update(u, t, true)?;
                self.reg_release(m);
                Ok(())
            }
            Expression::SequenceExpression(s) => {
                for x in &s.expressions {
                    self.expr_discard(x)?;
                }
                Ok(())
            }
            Expression::ParenthesizedExpression(p) => self.expr_discard(&p.expression),
            _ => {
                let m = self.reg_mark();
                let t = self.temp()?;
                self.expr(e, t)?;
                self.reg_release(m);
                Ok(())
            }
        }
    }

    fn update(&mut self, u: &'a UpdateExpression<'a>, dst: u16, prefix: bool) -> CResult<()> {
        let d = dst as i64;
        let op = if u.operator == UpdateOperator::Increment {
            Op::Inc
        } else {
            Op::Dec
        };
        match &u.argument {
            SimpleAssignmentTarget::AssignmentTargetIdentifier(id) => {
                let name = id.name.as_str();
                if prefix {
                    self.load_var(name, id.span.start, dst)?;
                    self.emit(op, &[d, d]);
                    self.store_var(name, dst, false)?;
                } else {
                    let m = self.reg_mark();
                    let t = self.temp()?;
                    self.load_var(name, id.span.start, t)?;
                    self.emit(Op::ToNumeric, &[d, t as i64]);
                    self.emit(op, &[t as i64, d]);
                    self.store_var(name, t, false)?;
                    self.reg_release(m);
                }
                Ok(())
            }
            other => {
                let Some(me) = other.as_member_expression() else {
                    return self.err(u.span, "invalid update target");
                };
                let m = self.reg_mark();
                let r = self.member_ref(me)?;
                let t = self.temp()?;
                self.ref_get(&r, t);
                if prefix {
                    self.emit(op, &[t as i64, t as i64]);
                    self.emit(Op::Move, &[d, t as i64]);
                } else {
                    self.emit(Op::ToNumeric, &[d, t as i64]);
                    self.emit(op, &[t as i64, d]);
                }
                self.ref_set(&r, t);
                self.reg_release(m);
                Ok(())
            }
        }
    }

    fn args_have_spread(args: &[Argument]) -> bool {
        args.iter().any(|a| matches!(a, Argument::SpreadElement(_)))
    }

    /// Builds an array of the arguments (spread calls).
    fn args_array(&mut self, args: &'a [Argument<'a>], arr: u16) -> CResult<()> {
        self.emit(Op::NewArray, &[arr as i64]);
        let m = self.reg_mark();
        let t = self.temp()?;
        for a in args {
            match a {
                Argument::SpreadElement(s) => {
                    self.expr(&s.argument, t)?;
                    self.emit(Op::ArraySpread, &[arr as i64, t as i64]);
                }
                other => {
                    self.expr(other.to_expression(), t)?;
                    self.emit(Op::ArrayPush, &[arr as i64, t as i64]);
                }
            }
        }
        self.reg_release(m);
        Ok(())
    }

    fn args_into(&mut self, args: &'a [Argument<'a>], base: u16) -> CResult<()> {
        for (i, a) in args.iter().enumerate() {
            self.expr(a.to_expression(), base + i as u16)?;
        }
        Ok(())
    }

    fn record_call(&mut self, pc: usize, callee: &Expression) {
        let text = self.text(callee.span()).to_string();
        self.f().call_names.push((pc as u32, text));
    }

    pub(crate) fn call(&mut self, c: &'a CallExpression<'a>, dst: u16) -> CResult<()> {
        if self.is_direct_eval(c) {
            return self.direct_eval(c, dst);
        }
        let d = dst as i64;
        let argc = c.arguments.len();
        // Long argument lists go through an array (like spread calls).
        let spread = Self::args_have_spread(&c.arguments) || argc > 200;
        let callee = match &c.callee {
            Expression::ParenthesizedExpression(p)
                if p.expression.as_member_expression().is_none() =>
            {
                &p.expression
            }
            e => e,
        };
        let m = self.reg_mark();
        if let Expression::Super(sp) = callee {
            self.check_super_call(sp.span)?;
            if spread {
                let arr = self.temp()?;
                self.args_array(&c.arguments, arr)?;
                self.mark_line(c.span.start);
                self.emit(Op::SuperCallSpread, &[d, arr as i64]);
            } else {
                let base = self.temps(argc)?;
                self.args_into(&c.arguments, base)?;
                self.mark_line(c.span.start);
                self.emit(Op::SuperCall, &[d, base as i64, argc as i64]);
            }
            self.emit(Op::BindThis, &[d]);
            // Keep a captured `this` (arrow functions in the constructor) in sync.
            if let (Res::Ctx(dp, s), _, _, _) = self.resolve("this") {
                self.emit(Op::StoreContextSlot, &[d, dp as i64, s as i64]);
            }
            self.reg_release(m);
            return Ok(());
        }
        if let Some(me) = callee.as_member_expression() {
            let f = self.temp()?;
            let this = self.temp()?;
            let base = if spread { 0 } else { self.temps(argc)? };
            if let Expression::Super(_) = me.object() {
                self.emit(Op::LoadThis, &[this as i64]);
                self.member_get(me, f)?;
            } else {
                self.expr(me.object(), this)?;
                if me.optional() {
                    let j = self.emit(Op::JumpIfNullish, &[this as i64, 0]);
                    self.chain_exits.get_or_insert_with(Vec::new).push(j);
                }
                self.mark_line(me.span().start);
                match me {
                    MemberExpression::StaticMemberExpression(s) => {
                        let a = self.atom(s.property.name.as_str());
                        let ic = self.ic();
                        self.emit(Op::GetPropertyByName, &[f as i64, this as i64, a, ic]);
                    }
                    MemberExpression::PrivateFieldExpression(p) => {
                        self.private_get(this, &p.field, f)?
                    }
                    MemberExpression::ComputedMemberExpression(cm) => {
                        let k = self.expr_temp(&cm.expression)?;
                        self.emit(Op::GetElement, &[f as i64, this as i64, k as i64]);
                    }
                }
            }
            if c.optional {
                let j = self.emit(Op::JumpIfNullish, &[f as i64, 0]);
                self.chain_exits.get_or_insert_with(Vec::new).push(j);
            }
            if spread {
                let arr = self.temp()?;
                self.args_array(&c.arguments, arr)?;
                self.mark_line(c.span.start);
                let pc = self.emit(Op::CallSpread, &[d, f as i64, this as i64, arr as i64]);
                self.record_call(pc, callee);
            } else {
                debug_assert_eq!(base, this + 1);
                self.args_into(&c.arguments, base)?;
                self.mark_line(c.span.start);
                let ic = self.ic();
                let pc = self.emit(Op::CallMethod, &[d, f as i64, this as i64, argc as i64, ic]);
                self.record_call(pc, callee);
            }
        } else if let Expression::Identifier(id) = callee
            && !spread
            && !self.with_chain(id.name.as_str()).is_empty()
        {
            // Inside `with`: a function found on a `with` object gets it as `this`.
            let chain = self.with_chain(id.name.as_str());
            let f = self.temp()?;
            let this = self.temp()?;
            let base = self.temps(argc)?;
            self.with_callee(&chain, id.name.as_str(), id.span.start, f, this)?;
            if c.optional {
                let j = self.emit(Op::JumpIfNullish, &[f as i64, 0]);
                self.chain_exits.get_or_insert_with(Vec::new).push(j);
            }
            self.args_into(&c.arguments, base)?;
            self.mark_line(c.span.start);
            let ic = self.ic();
            let pc = self.emit(Op::CallMethod, &[d, f as i64, this as i64, argc as i64, ic]);
            self.record_call(pc, callee);
        } else {
            let f = self.temp()?;
            self.expr(callee, f)?;
            if c.optional {
                let j = self.emit(Op::JumpIfNullish, &[f as i64, 0]);
                self.chain_exits.get_or_insert_with(Vec::new).push(j);
            }
            if spread {
                let this = self.temp()?;
                self.emit(Op::LoadUndefined, &[this as i64]);
                let arr = self.temp()?;
                self.args_array(&c.arguments, arr)?;
                self.mark_line(c.span.start);
                let pc = self.emit(Op::CallSpread, &[d, f as i64, this as i64, arr as i64]);
                self.record_call(pc, callee);
            } else {
                let base = self.temps(argc)?;
                self.args_into(&c.arguments, base)?;
                self.mark_line(c.span.start);
                let ic = self.ic();
                let pc = self.emit(Op::Call, &[d, f as i64, base as i64, argc as i64, ic]);
                self.record_call(pc, callee);
            }
        }
        self.reg_release(m);
        Ok(())
    }

    fn new_expr(&mut self, n: &'a NewExpression<'a>, dst: u16) -> CResult<()> {
        let d = dst as i64;
        let argc = n.arguments.len();
        let m = self.reg_mark();
        let f = self.temp()?;
        self.expr(&n.callee, f)?;
        if Self::args_have_spread(&n.arguments) || argc > 200 {
            let arr = self.temp()?;
            self.args_array(&n.arguments, arr)?;
            self.mark_line(n.span.start);
            let pc = self.emit(Op::NewSpread, &[d, f as i64, arr as i64]);
            self.record_call(pc, &n.callee);
        } else {
            let base = self.temps(argc)?;
            self.args_into(&n.arguments, base)?;
            self.mark_line(n.span.start);
            let ic = self.ic();
            let pc = self.emit(Op::New, &[d, f as i64, base as i64, argc as i64, ic]);
            self.record_call(pc, &n.callee);
        }
        self.reg_release(m);
        Ok(())
    }
}
