//! What the command reads and writes, as a trait: natively the file system
//! and the process's stdout and stderr ([`StdIo`]); in the compiler module
//! (crates/compiler) Node's `fs` through JavaScript. So `npx alliance-map`
//! runs this very code, and its flags, output and exit codes are the
//! native command's by construction.
//!
//! Errors are the text the command prints after "cannot read x: ", so both
//! sides say the same ("No such file or directory (os error 2)").

use std::io::Write;

/// The command's file system and output streams. Paths are as given on the
/// command line (joined with `/`).
pub trait Io {
    /// A whole file.
    fn read(&mut self, path: &str) -> Result<Vec<u8>, String>;
    /// Writes a whole file, replacing it.
    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), String>;
    /// Creates a folder and its parents.
    fn create_dir_all(&mut self, path: &str) -> Result<(), String>;
    /// Removes a file if it is there.
    fn remove_file(&mut self, path: &str);
    /// A folder's entries, `(name, is a folder)`, sorted by name; an error if it is not a folder.
    fn read_dir(&mut self, path: &str) -> Result<Vec<(String, bool)>, String>;
    /// True when both name the same existing folder (copying a folder onto itself is a no-op).
    fn same_dir(&mut self, a: &str, b: &str) -> bool;
    /// Standard output.
    fn stdout(&mut self) -> &mut dyn Write;
    /// Standard error.
    fn stderr(&mut self) -> &mut dyn Write;
}

/// `a/b`, as the command joins paths (what it prints names them).
pub fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        return name.to_string();
    }
    format!("{}/{name}", dir.trim_end_matches('/'))
}

/// The native command's [`Io`]: the file system and the process's streams.
#[cfg(not(target_arch = "wasm32"))]
pub struct StdIo {
    stdout: std::io::Stdout,
    stderr: std::io::Stderr,
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for StdIo {
    fn default() -> Self {
        StdIo { stdout: std::io::stdout(), stderr: std::io::stderr() }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Io for StdIo {
    fn read(&mut self, path: &str) -> Result<Vec<u8>, String> {
        std::fs::read(path).map_err(|e| e.to_string())
    }

    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), String> {
        std::fs::write(path, bytes).map_err(|e| e.to_string())
    }

    fn create_dir_all(&mut self, path: &str) -> Result<(), String> {
        std::fs::create_dir_all(path).map_err(|e| e.to_string())
    }

    fn remove_file(&mut self, path: &str) {
        let _ = std::fs::remove_file(path);
    }

    fn read_dir(&mut self, path: &str) -> Result<Vec<(String, bool)>, String> {
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(path).map_err(|e| e.to_string())? {
            let entry = entry.map_err(|e| e.to_string())?;
            let is_dir = entry.file_type().map_err(|e| e.to_string())?.is_dir();
            entries.push((entry.file_name().to_string_lossy().into_owned(), is_dir));
        }
        entries.sort();
        Ok(entries)
    }

    fn same_dir(&mut self, a: &str, b: &str) -> bool {
        matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
    }

    fn stdout(&mut self) -> &mut dyn Write {
        &mut self.stdout
    }

    fn stderr(&mut self) -> &mut dyn Write {
        &mut self.stderr
    }
}
