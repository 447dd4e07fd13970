//! Reading and writing a WASI program's linear memory: every pointer a call is given is
//! checked against the memory's size, and a bad one is `EFAULT` (never a host fault).

use super::abi::Errno;

/// A view of the program's memory for one call.
pub struct GuestMem<'a>(pub &'a mut [u8]);

impl GuestMem<'_> {
    fn range(&self, ptr: u32, len: u32) -> Result<std::ops::Range<usize>, Errno> {
        let start = ptr as usize;
        let end = start.checked_add(len as usize).ok_or(Errno::Fault)?;
        if end > self.0.len() {
            return Err(Errno::Fault);
        }
        Ok(start..end)
    }

    pub fn bytes(&self, ptr: u32, len: u32) -> Result<&[u8], Errno> {
        let r = self.range(ptr, len)?;
        Ok(&self.0[r])
    }

    pub fn bytes_mut(&mut self, ptr: u32, len: u32) -> Result<&mut [u8], Errno> {
        let r = self.range(ptr, len)?;
        Ok(&mut self.0[r])
    }

    pub fn read_u32(&self, ptr: u32) -> Result<u32, Errno> {
        let b = self.bytes(ptr, 4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub fn write(&mut self, ptr: u32, data: &[u8]) -> Result<(), Errno> {
        let len = u32::try_from(data.len()).map_err(|_| Errno::Fault)?;
        self.bytes_mut(ptr, len)?.copy_from_slice(data);
        Ok(())
    }

    pub fn write_u8(&mut self, ptr: u32, v: u8) -> Result<(), Errno> {
        self.write(ptr, &[v])
    }

    pub fn write_u16(&mut self, ptr: u32, v: u16) -> Result<(), Errno> {
        self.write(ptr, &v.to_le_bytes())
    }

    pub fn write_u32(&mut self, ptr: u32, v: u32) -> Result<(), Errno> {
        self.write(ptr, &v.to_le_bytes())
    }

    pub fn write_u64(&mut self, ptr: u32, v: u64) -> Result<(), Errno> {
        self.write(ptr, &v.to_le_bytes())
    }

    /// The (pointer, length) pairs of an `iovec` array (read before any data moves, so the
    /// array may overlap the buffers).
    pub fn iovecs(&self, ptr: u32, count: u32) -> Result<Vec<(u32, u32)>, Errno> {
        let total = count
            .checked_mul(super::abi::layout::IOVEC)
            .ok_or(Errno::Fault)?;
        self.bytes(ptr, total)?;
        (0..count)
            .map(|i| {
                let at = ptr + i * super::abi::layout::IOVEC;
                Ok((self.read_u32(at)?, self.read_u32(at + 4)?))
            })
            .collect()
    }

    /// A path argument: UTF-8 (WASI's paths are strings), else `EILSEQ`.
    pub fn string(&self, ptr: u32, len: u32) -> Result<String, Errno> {
        let b = self.bytes(ptr, len)?;
        std::str::from_utf8(b)
            .map(str::to_owned)
            .map_err(|_| Errno::Ilseq)
    }
}
