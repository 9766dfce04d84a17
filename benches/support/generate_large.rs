//! Writes the benches' large negotiation (8 party files of 2,000 statements, 60 issues) into a
//! folder, for scripts that time or measure the whole app on it (`.ci/startup`).
//!
//!   cargo run --release --example generate_large -- FOLDER

#[path = "generated.rs"]
#[expect(
    dead_code,
    reason = "this writes one of the generated sets, not the one in rounds"
)]
mod generated;

fn main() -> anyhow::Result<()> {
    let Some(folder) = std::env::args_os().nth(1) else {
        anyhow::bail!("usage: generate_large FOLDER");
    };
    let folder = std::path::PathBuf::from(folder);
    std::fs::create_dir_all(&folder)?;
    generated::generate(&folder);
    Ok(())
}
