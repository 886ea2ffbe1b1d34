//! Windows builds get the icon (and version) embedded in socklab.exe; other targets need nothing.
//! (The message catalogues are `include_str!`ed by `src/i18n.rs`, which Cargo tracks itself.)

fn main() {
    println!("cargo:rerun-if-changed=assets/socklab.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        let mut resource = winresource::WindowsResource::new();
        resource.set_icon("assets/socklab.ico");
        if let Err(e) = resource.compile() {
            // A missing resource compiler leaves the .exe without its icon, not unbuilt.
            println!("cargo:warning=no icon embedded in socklab.exe: {e}");
        }
    }
}
