//! The `round_trip` check of `crates/core/tests/fuzzing`, under libFuzzer.
#![no_main]

#[path = "../../tests/fuzzing/mod.rs"]
// Each target uses one of the checks.
#[allow(dead_code)]
mod fuzzing;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzzing::round_trip(data));
