//! The whole command line (`alliance_map::cli::run`, which the npm bin runs
//! too) over an in-memory file system: any arguments and any data file end
//! in an exit code and text, never a panic. The first line of the input is
//! the arguments (split at spaces); the rest is the file every input name
//! (`in.toml`, `in.json`, `in.gexf`, `in.graphml`, `a.csv`, `b.csv`) holds.
#![no_main]

use alliance_map::cli::{run, Io};
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;

#[derive(Default)]
struct MemIo {
    files: BTreeMap<String, Vec<u8>>,
    out: Vec<u8>,
    err: Vec<u8>,
}

impl Io for MemIo {
    fn read(&mut self, path: &str) -> Result<Vec<u8>, String> {
        self.files.get(path).cloned().ok_or_else(|| "No such file or directory (os error 2)".into())
    }
    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), String> {
        self.files.insert(path.to_string(), bytes.to_vec());
        Ok(())
    }
    fn create_dir_all(&mut self, _: &str) -> Result<(), String> {
        Ok(())
    }
    fn remove_file(&mut self, path: &str) {
        self.files.remove(path);
    }
    fn read_dir(&mut self, path: &str) -> Result<Vec<(String, bool)>, String> {
        let prefix = format!("{}/", path.trim_end_matches('/'));
        let mut names: Vec<(String, bool)> = self
            .files
            .keys()
            .filter_map(|k| k.strip_prefix(&prefix))
            .map(|rest| match rest.split_once('/') {
                Some((dir, _)) => (dir.to_string(), true),
                None => (rest.to_string(), false),
            })
            .collect();
        names.dedup();
        if names.is_empty() {
            return Err("Not a directory (os error 20)".into());
        }
        Ok(names)
    }
    fn same_dir(&mut self, a: &str, b: &str) -> bool {
        a == b
    }
    fn stdout(&mut self) -> &mut dyn std::io::Write {
        &mut self.out
    }
    fn stderr(&mut self) -> &mut dyn std::io::Write {
        &mut self.err
    }
}

fuzz_target!(|data: &[u8]| {
    let (head, body) = match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let Ok(head) = std::str::from_utf8(head) else { return };
    let mut args = vec!["alliance-map".to_string()];
    args.extend(head.split(' ').filter(|a| !a.is_empty()).take(16).map(str::to_string));
    let mut io = MemIo::default();
    for name in ["in.toml", "in.json", "in.gexf", "in.graphml", "a.csv", "b.csv"] {
        io.files.insert(name.into(), body.to_vec());
    }
    io.files.insert("dist/pkg/alliance_map_bg.wasm".into(), b"\0asm".to_vec());
    io.files.insert("dist/index.html".into(), b"<link rel=\"preload\" href=\"pkg/alliance_map_paint_bg.wasm\">".to_vec());
    let code = run(args, &mut io);
    assert!(code <= 2, "exit codes are 0, 1 or 2");
});
