//! Entry/exit stubs: placeholder until the assembler lands.
pub struct Exit;
pub struct Status;
pub struct VmRegs;
pub fn enter() {}
