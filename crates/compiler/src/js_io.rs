//! The command line's [`Io`] over a JavaScript object (the npm bin passes
//! one made of Node's `fs`; see www/compiler.d.ts). A thrown Node error is
//! worded as Rust words the same OS error natively, so `npx alliance-map`
//! prints what the native command prints.

use alliance_map::cli::Io;
use js_sys::{Array, Function, Reflect, Uint8Array};
use std::io::Write;
use wasm_bindgen::{JsCast, JsValue};

/// An output stream: each write calls a JavaScript function with the bytes.
pub struct JsStream(Function);

impl Write for JsStream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.call1(&JsValue::NULL, &Uint8Array::from(buf)).map_err(|e| std::io::Error::other(message(&e)))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The `Io` object's methods.
pub struct JsIo {
    io: JsValue,
    stdout: JsStream,
    stderr: JsStream,
}

fn method(io: &JsValue, name: &str) -> Result<Function, String> {
    Reflect::get(io, &JsValue::from_str(name)).ok().and_then(|f| f.dyn_into::<Function>().ok()).ok_or_else(|| format!("the Io object has no `{name}` function"))
}

/// How Rust's standard library words the OS error a Node error stands for
/// (Linux's wording, as the native command prints it), else Node's message.
fn message(error: &JsValue) -> String {
    let code = Reflect::get(error, &JsValue::from_str("code")).ok().and_then(|c| c.as_string()).unwrap_or_default();
    let known = match code.as_str() {
        "ENOENT" => Some("No such file or directory (os error 2)"),
        "EACCES" => Some("Permission denied (os error 13)"),
        "EPERM" => Some("Operation not permitted (os error 1)"),
        "EEXIST" => Some("File exists (os error 17)"),
        "ENOTDIR" => Some("Not a directory (os error 20)"),
        "EISDIR" => Some("Is a directory (os error 21)"),
        "ENOSPC" => Some("No space left on device (os error 28)"),
        "EROFS" => Some("Read-only file system (os error 30)"),
        _ => None,
    };
    known.map(str::to_string).unwrap_or_else(|| {
        Reflect::get(error, &JsValue::from_str("message")).ok().and_then(|m| m.as_string()).unwrap_or_else(|| format!("{error:?}"))
    })
}

impl JsIo {
    /// Wraps `io`; fails when it lacks a method.
    pub fn new(io: JsValue) -> Result<JsIo, String> {
        for name in ["readFile", "writeFile", "mkdir", "removeFile", "readDir", "realpath"] {
            method(&io, name)?;
        }
        let (stdout, stderr) = (JsStream(method(&io, "stdout")?), JsStream(method(&io, "stderr")?));
        Ok(JsIo { io, stdout, stderr })
    }

    fn call(&self, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
        let f = method(&self.io, name)?;
        let args: Array = args.iter().collect();
        f.apply(&self.io, &args).map_err(|e| message(&e))
    }
}

impl Io for JsIo {
    fn read(&mut self, path: &str) -> Result<Vec<u8>, String> {
        let bytes = self.call("readFile", &[JsValue::from_str(path)])?;
        bytes.dyn_into::<Uint8Array>().map(|b| b.to_vec()).map_err(|_| format!("readFile({path}) gave no bytes"))
    }

    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), String> {
        self.call("writeFile", &[JsValue::from_str(path), Uint8Array::from(bytes).into()]).map(drop)
    }

    fn create_dir_all(&mut self, path: &str) -> Result<(), String> {
        self.call("mkdir", &[JsValue::from_str(path)]).map(drop)
    }

    fn remove_file(&mut self, path: &str) {
        let _ = self.call("removeFile", &[JsValue::from_str(path)]);
    }

    fn read_dir(&mut self, path: &str) -> Result<Vec<(String, bool)>, String> {
        let entries = self.call("readDir", &[JsValue::from_str(path)])?;
        let mut out: Vec<(String, bool)> = Array::from(&entries)
            .iter()
            .filter_map(|e| {
                let pair = Array::from(&e);
                Some((pair.get(0).as_string()?, pair.get(1).as_bool().unwrap_or(false)))
            })
            .collect();
        out.sort();
        Ok(out)
    }

    fn same_dir(&mut self, a: &str, b: &str) -> bool {
        let real = |io: &Self, p: &str| io.call("realpath", &[JsValue::from_str(p)]).ok().and_then(|v| v.as_string());
        matches!((real(self, a), real(self, b)), (Some(x), Some(y)) if x == y)
    }

    fn stdout(&mut self) -> &mut dyn Write {
        &mut self.stdout
    }

    fn stderr(&mut self) -> &mut dyn Write {
        &mut self.stderr
    }
}
