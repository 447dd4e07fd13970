//! The optional x86-64 instructions the back end uses when the CPU has them, checked once per
//! macro-assembler (CPUID, through `std`'s cached detection). Each has a fallback of baseline
//! x86-64 instructions, so code is correct on any x86-64 CPU; [`CpuFeatures::BASELINE`] forces
//! every fallback (the conformance table runs both).

/// Which optional instructions generated code may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CpuFeatures {
    /// `lzcnt` (ABM/LZCNT); else `bsr` and a correction.
    pub lzcnt: bool,
    /// `tzcnt` (BMI1); else `bsf` and a correction.
    pub tzcnt: bool,
    /// `popcnt`; else the SWAR bit-count sequence.
    pub popcnt: bool,
    /// `roundsd`/`roundss` (SSE4.1); else rounding through a 64-bit integer conversion.
    pub sse41: bool,
}

impl CpuFeatures {
    /// None of the optional instructions: baseline x86-64 (SSE2) only.
    pub const BASELINE: CpuFeatures = CpuFeatures {
        lzcnt: false,
        tzcnt: false,
        popcnt: false,
        sse41: false,
    };

    /// The features of the CPU this process runs on (baseline on other hosts, where the
    /// code is only generated, not run).
    pub fn detect() -> CpuFeatures {
        #[cfg(target_arch = "x86_64")]
        {
            CpuFeatures {
                lzcnt: std::is_x86_feature_detected!("lzcnt"),
                tzcnt: std::is_x86_feature_detected!("bmi1"),
                popcnt: std::is_x86_feature_detected!("popcnt"),
                sse41: std::is_x86_feature_detected!("sse4.1"),
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            CpuFeatures::BASELINE
        }
    }

    /// Whether any optional instruction is in use (a fallback run is then a different run).
    pub fn any(self) -> bool {
        self.lzcnt || self.tzcnt || self.popcnt || self.sse41
    }
}
