//! The `alliance-map` command as a user runs it: exit codes, output streams,
//! and the files it writes.

use alliance_map::scene::Scene;
use std::process::{Command, Output};

/// Runs the native command from the repository's root (the other test modules use it too).
pub(crate) fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alliance-map"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run alliance-map")
}

pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_exits_0_on_the_seed_and_says_ok() {
    let out = run(&["check", "data/seed.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "data/seed.toml: ok\n");
}

#[test]
fn check_exits_1_on_data_errors_and_reports_all_of_them() {
    let out = run(&["check", "tests/fixtures/check/many_mistakes.toml", "--message-format", "short"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.lines().filter(|l| l.contains(": error[")).count() >= 10, "{stderr}");
    assert!(stderr.contains("tests/fixtures/check/many_mistakes.toml:16:8: error[E016]"), "{stderr}");
}

#[test]
fn json_messages_are_one_object_per_line_on_stdout() {
    let out = run(&["check", "tests/fixtures/check/e006_unknown_entity.toml", "--message-format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let all: Vec<serde_json::Value> = text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    // The fixture's entities cite no source for who they are: one W010 beside the errors.
    assert_eq!(all.iter().filter(|l| l["code"] == "W010").count(), 1);
    let lines: Vec<&serde_json::Value> = all.iter().filter(|l| l["code"] != "W010").collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["code"], "E006");
    assert_eq!((lines[0]["line"].as_u64(), lines[0]["column"].as_u64()), (Some(18), Some(8)));
    assert_eq!(lines[0]["hint"], "did you mean `acme`?");
    assert_eq!(lines[1]["hint"], "did you mean `bolt`?", "an entity's name finds its id");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(run(&["check", "no/such/file.toml"]).status.code(), Some(2));
    assert_eq!(run(&["export", "data/seed.toml", "--format", "gml"]).status.code(), Some(2));
}

#[test]
fn export_writes_jgf_to_stdout() {
    let out = run(&["export", "data/seed.toml", "--format", "jgf"]);
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(crate::jgf::jgf_v2_violations(&doc).is_empty());
}

/// A stand-in for dist/: a wasm, a script, and the demo's own pages and
/// oEmbed (which `build` must never copy over the ones it writes).
fn fake_widget(dir: &std::path::Path) -> &'static str {
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("pkg/alliance_map_bg.wasm"), b"\0asm").unwrap();
    std::fs::write(dir.join("main.js"), b"// widget").unwrap();
    let first_frame = "<link rel=\"preload\" href=\"pkg/alliance_map_paint_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>";
    std::fs::write(dir.join("index.html"), format!("<head>\n{first_frame}\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>")).unwrap();
    std::fs::write(dir.join("embed.html"), "<body>the demo's embed page</body>").unwrap();
    std::fs::write(dir.join("oembed.json"), r#"{"html": "<iframe src=\"http://localhost:8000/embed.html\"></iframe>"}"#).unwrap();
    first_frame
}

/// `alliance-map build data/seed.toml -o site --widget widget` and `extra`.
fn build_seed(site: &std::path::Path, widget: &std::path::Path, extra: &[&str]) -> Output {
    let mut args = vec!["build", "data/seed.toml", "-o", site.to_str().unwrap(), "--widget", widget.to_str().unwrap()];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn build_writes_a_static_site_with_the_compiled_data_and_a_no_js_fallback() {
    let tmp = std::env::temp_dir().join(format!("alliance-map-cli-{}", std::process::id()));
    let widget = tmp.join("widget");
    let first_frame = fake_widget(&widget);
    let site = tmp.join("site");
    let out = build_seed(&site, &widget, &["--base-url", "https://maps.example.org/alliances"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let oembed: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(site.join("oembed.json")).unwrap()).unwrap();
    assert_eq!((oembed["version"].as_str(), oembed["type"].as_str()), (Some("1.0"), Some("rich")));
    assert!(oembed["html"].as_str().unwrap().contains("src=\"https://maps.example.org/alliances/embed.html\""));
    assert_eq!(oembed["title"], crate::seed::seed().meta.title.as_str());
    let compiled = alliance_map::compiled::decode(&std::fs::read(site.join("data.amap")).unwrap()).unwrap();
    assert_eq!(compiled.dataset, crate::seed::seed());
    assert!(site.join("pkg/alliance_map_bg.wasm").is_file() && site.join("main.js").is_file());
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(index.contains("data-src=\"data.amap\""));
    assert!(index.contains(first_frame), "the widget's first-frame preloads are kept");
    assert!(index.contains("<link rel=\"preload\" href=\"data.amap\" as=\"fetch\" crossorigin>"), "the data downloads beside the scripts");
    assert!(index.contains("<bdi>Changan Automobile</bdi> is expected to hold up to 40% of <bdi>Huawei–Changan smart-car venture</bdi>."), "names are isolated");
    assert!(index.contains("<li id=\"src-jw-insights-2023-09-28\">"));
    // Which edition this is: the content hash data.amap carries, and what was corrected.
    let bytes = std::fs::read(site.join("data.amap")).unwrap();
    let version = format!("{:08x}", alliance_map::compiled::hash_of(&bytes).unwrap() >> 32);
    let embed = std::fs::read_to_string(site.join("embed.html")).unwrap();
    for page in [&index, &embed] {
        assert!(page.contains(&format!("<p class=\"am-edition-line\">Data as of 2026-12-02, version {version}</p>")), "the edition line");
        assert!(page.contains("<li>Corrected on 2026-12-02: The working group’s make-up") || page.contains("<li>Corrected on 2026-12-02: The working group&#39;s make-up") || page.contains("<li>Corrected on 2026-12-02: The working group"), "the correction");
    }
    let discovery = "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://maps.example.org/alliances/oembed.json\"";
    assert!(index.contains(discovery), "a CMS discovers the oEmbed from the page");
    assert!(index.contains("<link rel=\"canonical\" href=\"https://maps.example.org/alliances/index.html\">"));
    let embed = std::fs::read_to_string(site.join("embed.html")).unwrap();
    assert!(embed.contains("class=\"embed\"") && embed.contains(discovery));
    assert!(embed.contains("id=\"map-title\""), "embed.js writes the title into the page's heading");
    assert!(!site.join("text.html").exists(), "47 entities fit on the page itself");
    let _ = std::fs::remove_dir_all(tmp);
}

#[test]
fn a_rebuild_without_base_url_leaves_no_stale_oembed_and_says_why_there_is_none() {
    let tmp = std::env::temp_dir().join(format!("alliance-map-stale-{}", std::process::id()));
    let widget = tmp.join("widget");
    fake_widget(&widget);
    let site = tmp.join("site");
    assert_eq!(build_seed(&site, &widget, &["--base-url", "https://a.example/"]).status.code(), Some(0));
    assert!(site.join("oembed.json").is_file());
    let out = build_seed(&site, &widget, &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(!site.join("oembed.json").exists(), "neither the earlier build's nor the widget's demo oEmbed");
    assert!(text(&out.stderr).contains("add --base-url"), "{}", text(&out.stderr));
    assert!(!std::fs::read_to_string(site.join("embed.html")).unwrap().contains("the demo's embed page"));
    let _ = std::fs::remove_dir_all(tmp);
}

#[test]
fn build_refuses_a_base_url_that_is_not_an_absolute_http_folder() {
    for bad in ["maps.example.org/alliances", "javascript:alert(1)", "https://", "https://a.example/?x=\"><script>"] {
        let out = run(&["build", "data/seed.toml", "-o", "/nonexistent/never-written", "--base-url", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(text(&out.stderr).contains("is not an absolute http(s) URL"), "{bad}: {}", text(&out.stderr));
        assert!(text(&out.stderr).contains("help: give the address the folder is served at"));
    }
}

/// The built pages load only their own data.amap unless told otherwise, and
/// say so to the browser twice: #map's attribute and the CSP's connect-src.
#[test]
fn built_pages_allow_only_their_own_data_unless_allow_data_from_says_otherwise() {
    let tmp = std::env::temp_dir().join(format!("alliance-map-allow-{}", std::process::id()));
    let widget = tmp.join("widget");
    fake_widget(&widget);
    let site = tmp.join("site");
    let build = |extra: &[&str]| {
        let out = build_seed(&site, &widget, extra);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        ["index.html", "embed.html"].map(|f| std::fs::read_to_string(site.join(f)).unwrap())
    };
    let csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;self&#39;; script-src &#39;self&#39; &#39;wasm-unsafe-eval&#39;; connect-src &#39;self&#39;";
    for page in build(&[]) {
        assert!(page.contains("data-src=\"data.amap\" data-allow-data-from=\"\""), "{page}");
        assert!(page.contains(&format!("{csp}\">")), "{page}");
        assert!(page.find("Content-Security-Policy") < page.find("<link"), "the policy comes before anything it governs");
    }
    for page in build(&["--allow-data-from", "HTTPS://Data.Example.org:443/", "--allow-data-from", "http://localhost:8080"]) {
        assert!(page.contains("data-allow-data-from=\"self https://data.example.org http://localhost:8080\""), "{page}");
        assert!(page.contains(&format!("{csp} https://data.example.org http://localhost:8080\">")), "{page}");
    }
    assert!(build(&["--allow-data-from", "self"])[0].contains("data-allow-data-from=\"self\""));
    let _ = std::fs::remove_dir_all(tmp);
}

#[test]
fn build_refuses_an_allow_data_from_that_is_not_an_origin() {
    for (bad, why) in [
        ("data.example.org", "needs http:// or https://"),
        ("ftp://data.example.org", "only http:// and https://"),
        ("https://data.example.org/maps/", "has a path"),
        ("https://*.example.org", "the host must be a name"),
        ("https://a.example; script-src *", "the host must be a name"),
        ("https://user@a.example", "the host must be a name"),
        ("https://a.example:99999", "the port must be"),
        ("*", "needs http://"),
    ] {
        let out = run(&["build", "data/seed.toml", "-o", "/nonexistent/never-written", "--allow-data-from", bad]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}: {stderr}");
        assert!(stderr.contains(&format!("error: --allow-data-from `{bad}` is not an origin: ")) && stderr.contains(why), "{bad}: {stderr}");
        assert!(stderr.contains("help: give scheme://host[:port], e.g. --allow-data-from https://data.example.org"), "{stderr}");
    }
}

#[test]
fn a_very_big_maps_text_comes_in_pages_of_5000_entities_and_a_smaller_rebuild_leaves_none_behind() {
    use alliance_map::site::{text_page_name, text_page_of};
    let tmp = std::env::temp_dir().join(format!("alliance-map-pages-{}", std::process::id()));
    let widget = tmp.join("widget");
    fake_widget(&widget);
    let (toml, site) = (tmp.join("huge.toml"), tmp.join("site"));
    let build = |n: usize| {
        let data = alliance_map::synth::dataset(n, 2 * n, 3);
        std::fs::write(&toml, alliance_map::formats::write_toml::to_toml(&data)).unwrap();
        let out = run(&["build", toml.to_str().unwrap(), "-o", site.to_str().unwrap(), "--widget", widget.to_str().unwrap(), "--no-layout"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        data
    };
    let data = build(12_000);
    let page = |name: &str| std::fs::read_to_string(site.join(name)).unwrap_or_default();
    let articles: Vec<usize> = ["text.html", "text-2.html", "text-3.html"].iter().map(|n| page(n).matches("<article ").count()).collect();
    assert_eq!(articles, [5000, 5000, 2000], "every entity once, 5,000 a page");
    assert!(!site.join("text-4.html").exists());
    let second = page("text-2.html");
    assert!(second.contains("Entities 5,001–10,000 of 12,000.") && second.contains("<a rel=\"prev\" href=\"text.html\">Previous</a>") && second.contains("<a rel=\"next\" href=\"text-3.html\">Next</a>"));
    // The map's page sends "N more ties" to the page that lists the entity.
    let index = page("index.html");
    let link = index.split("<a href=\"").find(|l| l.contains("more ties")).expect("a hub's more-ties link");
    let (target, id) = link.split_once("#entity-").unwrap();
    let e = data.entities.iter().position(|x| id.starts_with(&format!("{}\"", x.id))).unwrap();
    assert_eq!(target, text_page_name(text_page_of(e as u32)));
    assert!(page(target).contains(&format!("<article id=\"entity-{}\">", data.entities[e].id)));
    build(6_000);
    assert!(site.join("text-2.html").exists() && !site.join("text-3.html").exists(), "the third page of the bigger build is gone");
    let _ = std::fs::remove_dir_all(tmp);
}

#[test]
fn a_big_site_keeps_its_page_small_and_the_whole_text_on_its_own_page() {
    let tmp = std::env::temp_dir().join(format!("alliance-map-big-{}", std::process::id()));
    let widget = tmp.join("widget");
    fake_widget(&widget);
    let toml = tmp.join("big.toml");
    std::fs::write(&toml, alliance_map::formats::write_toml::to_toml(&alliance_map::synth::dataset(3000, 9000, 7))).unwrap();
    let site = tmp.join("site");
    let out = run(&["build", toml.to_str().unwrap(), "-o", site.to_str().unwrap(), "--widget", widget.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    let full = std::fs::read_to_string(site.join("text.html")).unwrap();
    assert_eq!(index.matches("<article ").count(), alliance_map::site::PAGE_BOUND.entities);
    assert!(index.contains("<a href=\"text.html\">Every entity and relation as text</a>"));
    assert_eq!(full.matches("<article ").count(), 3000, "the full text page lists every entity");
    assert!(!full.contains("<script"), "the text page needs no JavaScript");
    assert!(std::fs::read_to_string(site.join("embed.html")).unwrap().matches("<article ").count() <= alliance_map::site::PAGE_BOUND.entities);
    let _ = std::fs::remove_dir_all(tmp);
}

#[test]
fn build_without_a_built_widget_says_how_to_get_one() {
    let tmp = std::env::temp_dir().join(format!("alliance-map-nowidget-{}", std::process::id()));
    let out = run(&["build", "data/seed.toml", "-o", tmp.to_str().unwrap(), "--widget", "/nonexistent"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("run scripts/build.sh first"));
    let _ = std::fs::remove_dir_all(tmp);
}

#[test]
fn a_warm_start_from_another_dataset_or_a_corrupt_file_is_ignored_and_said() {
    let tmp = std::env::temp_dir().join(format!("alliance-map-foreign-{}", std::process::id()));
    let widget = tmp.join("widget");
    std::fs::create_dir_all(widget.join("pkg")).unwrap();
    let site = tmp.join("site");
    let build = |file: &str| run(&["build", file, "-o", site.to_str().unwrap(), "--widget", widget.to_str().unwrap()]);
    assert_eq!(build("tests/fixtures/docs_example.toml").status.code(), Some(0));
    let out = build("data/seed.toml");
    assert_eq!(out.status.code(), Some(0));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("ignored the earlier") && stderr.contains("entities are in it (another dataset?)"), "{stderr}");
    let fresh = tmp.join("fresh");
    assert_eq!(run(&["build", "data/seed.toml", "-o", fresh.to_str().unwrap(), "--widget", widget.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(std::fs::read(site.join("data.amap")).unwrap(), std::fs::read(fresh.join("data.amap")).unwrap(), "the same map as a fresh build");
    std::fs::write(site.join("data.amap"), b"AMAP not really").unwrap();
    let out = build("data/seed.toml");
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("it is not a compiled map"), "{}", text(&out.stderr));
    let _ = std::fs::remove_dir_all(tmp);
}

#[test]
fn rebuilding_after_an_edit_moves_the_map_a_little() {
    let tmp = std::env::temp_dir().join(format!("alliance-map-warm-{}", std::process::id()));
    let widget = tmp.join("widget");
    std::fs::create_dir_all(widget.join("pkg")).unwrap();
    let site = tmp.join("site");
    let args = |file: &str| vec!["build".to_string(), file.to_string(), "-o".into(), site.to_str().unwrap().into(), "--widget".into(), widget.to_str().unwrap().into()];
    let run_owned = |a: Vec<String>| run(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(run_owned(args("data/seed.toml")).status.code(), Some(0));
    let before = alliance_map::compiled::decode(&std::fs::read(site.join("data.amap")).unwrap()).unwrap();
    // One relation more: Tesla and Huawei partners (a made-up edit).
    let edited = tmp.join("edited.toml");
    let mut seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/seed.toml")).unwrap();
    seed.push_str("\n[[relation]]\ntype = \"partner_of\"\nfrom = \"tesla\"\nto = \"huawei\"\nsources = [\"smart-vehicle-jv\"]\n");
    std::fs::write(&edited, seed).unwrap();
    let out = run_owned(args(edited.to_str().unwrap()));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("warm start"));
    let after = alliance_map::compiled::decode(&std::fs::read(site.join("data.amap")).unwrap()).unwrap();
    let b = Scene::new(before.clone()).bounds();
    let extent = (b[2] - b[0]).max(b[3] - b[1]);
    let n = before.positions.len() / 2;
    let moved: f32 = (0..n).map(|i| ((after.positions[2 * i] - before.positions[2 * i]).powi(2) + (after.positions[2 * i + 1] - before.positions[2 * i + 1]).powi(2)).sqrt()).sum::<f32>() / n as f32;
    assert!(moved < 0.1 * extent, "mean move {moved} of extent {extent}");
    let _ = std::fs::remove_dir_all(tmp);
}

#[test]
fn build_refuses_a_name_of_megabytes_with_a_short_message() {
    // A 50 MB label once made a 150 MB index.html; now check stops it, briefly.
    let tmp = std::env::temp_dir().join(format!("alliance-map-longname-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let toml = tmp.join("long.toml");
    let name = "x".repeat(5 << 20);
    let data = format!("[[source]]\nid = \"s\"\ntitle = \"t\"\n\n[[entity]]\nid = \"a\"\nname = \"{name}\"\nkind = \"company\"\n\n[[entity]]\nid = \"b\"\nname = \"B\"\nkind = \"company\"\n\n[[relation]]\ntype = \"owns\"\nfrom = \"a\"\nto = \"b\"\nsources = [\"s\"]\n");
    std::fs::write(&toml, data).unwrap();
    let out = run(&["build", toml.to_str().unwrap(), "-o", tmp.join("site").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("error[E024]") && stderr.contains("is 5242880 characters long, more than 300"), "{}", &stderr[..stderr.len().min(500)]);
    assert!(stderr.len() < 4000, "the report is {} bytes", stderr.len());
    assert!(!tmp.join("site/index.html").exists());
    let _ = std::fs::remove_dir_all(tmp);
}

#[test]
fn a_map_too_big_for_a_readers_browser_is_refused_naming_the_limit_and_what_to_do() {
    use alliance_map::cli::outputs::{site_limit, MAX_ENTITIES};
    assert_eq!(site_limit(&alliance_map::synth::dataset(MAX_ENTITIES, 10, 1)), Ok(()));
    let refused = site_limit(&alliance_map::synth::dataset(MAX_ENTITIES + 1, 10, 1)).unwrap_err();
    assert_eq!(refused.message, "the data has 200,001 entities: a published map stays usable in a reader's browser up to 200,000 entities and 1,000,000 relations");
    assert!(refused.help.starts_with("filter the data to what the map is about, or split it into several maps"), "{}", refused.help);
}

#[test]
fn a_widget_folder_with_a_file_list_gives_the_site_only_those_files_so_no_site_carries_the_studio() {
    let root = std::env::temp_dir().join(format!("am-widget-list-{}", std::process::id()));
    let (widget, site) = (root.join("widget"), root.join("site"));
    let _ = std::fs::remove_dir_all(&root);
    fake_widget(&widget);
    std::fs::create_dir_all(widget.join("studio")).unwrap();
    std::fs::write(widget.join("studio.html"), "the studio").unwrap();
    std::fs::write(widget.join("studio/example.toml"), "").unwrap();
    std::fs::write(widget.join("pkg/alliance_map_compiler_bg.wasm"), b"\0asm").unwrap();
    std::fs::write(widget.join("widget-files.json"), r#"["main.js", "pkg/alliance_map_bg.wasm", "index.html", "widget-files.json"]"#).unwrap();
    let out = build_seed(&site, &widget, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut got: Vec<String> = walk(&site);
    got.sort();
    let steps: Vec<String> = (1..=6).map(|i| format!("steps/{i}.svg")).collect();
    let mut want: Vec<String> = ["data.amap", "embed.html", "index.html", "main.js", "pkg/alliance_map_bg.wasm"].map(String::from).to_vec();
    want.extend(steps);
    want.push("widget-files.json".into());
    assert_eq!(got, want, "the site's own files, the listed widget files and the seed's six step pictures");
    assert_ne!(std::fs::read(site.join("index.html")).unwrap(), std::fs::read(widget.join("index.html")).unwrap(), "index.html is build's own, though the list names the widget's");
    std::fs::write(widget.join("widget-files.json"), r#"["../secret"]"#).unwrap();
    let out = build_seed(&site, &widget, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("widget-files.json names `../secret`, which is not a path inside the widget folder"), "{}", text(&out.stderr));
    let _ = std::fs::remove_dir_all(&root);
}

/// Every file below `dir`, as relative paths with `/`.
fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path).into_iter().map(|p| format!("{}/{p}", entry.file_name().to_string_lossy())));
        } else {
            out.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    out
}
