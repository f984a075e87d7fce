//! What a built page may load: its Content-Security-Policy and the datasets
//! a link may name (`build --allow-data-from`). Readers open links other
//! people craft; `?data=` must not put someone else's data on the
//! publisher's page (www/data-source.js reads the attribute written here).

/// The pages' policy: scripts and wasm from the site only, no inline script
/// or style, and fetches (the wasm, data.amap) from the site or the origins
/// the author allowed. `img-src` and `style-src` fall back to `'self'`: the
/// PNG export paints on a canvas and the widget styles through style.css and
/// the CSSOM, so neither needs more.
pub fn content_security_policy(allowed: &[String]) -> String {
    let mut connect = String::from("'self'");
    for origin in allowed.iter().filter(|o| *o != "self") {
        connect.push(' ');
        connect.push_str(origin);
    }
    format!("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src {connect}")
}

/// The `data-allow-data-from` value of `#map`: empty (the page's own data
/// only), or `self` and the allowed origins, space-separated.
pub fn allow_attribute(allowed: &[String]) -> String {
    allowed.join(" ")
}

/// The `--allow-data-from` values as the pages name them: `self` first (an
/// origin implies paths on the site's own origin too), then each origin
/// once, lowercased, without a trailing `/`. Or why one is not an origin.
pub fn normalize_allowed(values: &[String]) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for value in values {
        let origin = if value == "self" { value.clone() } else { normalize_origin(value)? };
        if !out.contains(&origin) {
            out.push(origin);
        }
    }
    if !out.is_empty() && !out.iter().any(|o| o == "self") {
        out.insert(0, "self".into());
    }
    out.sort_by_key(|o| o != "self");
    Ok(out)
}

/// `scheme://host[:port]` with an http(s) scheme and a DNS name or IPv4
/// host: the form a browser's `URL.origin` has, so the page can compare them
/// exactly, and nothing that could end the CSP's directive (`;`, quotes).
fn normalize_origin(value: &str) -> Result<String, String> {
    let not = |why: &str| format!("--allow-data-from `{value}` is not an origin: {why}");
    let lower = value.to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://").ok_or_else(|| not("it needs http:// or https://"))?;
    if scheme != "http" && scheme != "https" {
        return Err(not("only http:// and https:// datasets can be fetched"));
    }
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    if rest.contains(['/', '?', '#']) {
        return Err(not("it has a path, query or fragment; an origin is only scheme://host[:port]"));
    }
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    };
    let label_ok = |l: &str| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-') && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if host.is_empty() || !host.split('.').all(label_ok) {
        return Err(not("the host must be a name like data.example.org (letters, digits, `-` and `.`; no `*`, user or spaces)"));
    }
    match port {
        Some(p) if p.parse::<u16>().map_or(true, |n| n == 0) || p.starts_with('0') => Err(not("the port must be a number from 1 to 65535")),
        // The browser's origin leaves the scheme's default port out.
        Some("443") if scheme == "https" => Ok(format!("{scheme}://{host}")),
        Some("80") if scheme == "http" => Ok(format!("{scheme}://{host}")),
        _ => Ok(format!("{scheme}://{rest}")),
    }
}
