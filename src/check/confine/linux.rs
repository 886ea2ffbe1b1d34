//! Confinement on Linux: planning it for a program (what it may read, write and connect to,
//! as which user, in which cgroup), and the launcher (`socklab __confine`) that applies the
//! plan's [`Spec`] to itself (cgroup, limits, user, Landlock) and then executes the program.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use landlock::{
    ABI, Access, AccessFs, AccessNet, CompatLevel, Compatible, LandlockStatus, NetPort,
    RestrictionStatus, Ruleset, RulesetAttr, RulesetCreatedAttr, RulesetError, RulesetStatus,
    Scope, path_beneath_rules,
};

use super::applied::Applied;
use super::spec::{Confine, NOT_RUNNABLE_HINT, Plan, SPEC_ENV, Spec};
use crate::check::cgroup::Cgroup;
use crate::check::report::Reason;

/// System folders a program reads and executes from.
const SYSTEM: &[&str] = &[
    "/usr",
    "/lib",
    "/lib64",
    "/lib32",
    "/libx32",
    "/bin",
    "/sbin",
    "/etc",
    "/proc",
    "/sys/devices/system/cpu",
    // A JVM and Node read their container's limits; Go the huge page size.
    "/sys/fs/cgroup",
    "/sys/kernel/mm/transparent_hugepage",
    "/opt",
];
/// Device nodes it may read and write.
const DEVICES: &[&str] = &[
    "/dev/null",
    "/dev/zero",
    "/dev/urandom",
    "/dev/random",
    "/dev/full",
    "/dev/tty",
];

fn which(program: &str) -> Option<PathBuf> {
    if program.contains('/') {
        return Some(PathBuf::from(program));
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(program))
            .find(|p| p.is_file())
    })
}

/// A Python's own installation, asked of it (it is the interpreter, not the student's
/// file): the real executable behind a shim (pyenv), and its prefixes (a venv has two).
fn python_install(program: &Path) -> Option<(PathBuf, Vec<PathBuf>)> {
    let name = program.file_name()?.to_string_lossy().to_lowercase();
    if !name.starts_with("python") && !name.starts_with("py") {
        return None;
    }
    let mut child = std::process::Command::new(program)
        .args([
            "-c",
            "import sys; print(sys.executable); print(sys.prefix); print(sys.base_prefix)",
        ])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if std::time::Instant::now() < until => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    }
    let mut out = String::new();
    std::io::Read::read_to_string(&mut child.stdout.take()?, &mut out).ok()?;
    let mut lines = out.lines().map(PathBuf::from);
    let exe = lines.next()?;
    let prefixes: Vec<PathBuf> = lines.collect();
    Some((exe, prefixes))
}

/// The user a program runs as when socklab is root.
fn user(name: &str) -> Result<(u32, u32), Reason> {
    let passwd = std::fs::read_to_string("/etc/passwd")
        .map_err(|e| crate::reason!("case-confine-no-passwd", error = e.to_string()))?;
    passwd
        .lines()
        .find_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            (f.first() == Some(&name))
                .then(|| Some((f.get(2)?.parse().ok()?, f.get(3)?.parse().ok()?)))
                .flatten()
        })
        .ok_or_else(|| crate::reason!("case-confine-no-user", user = format!("{name:?}")))
}

/// The first folder on the way to `path` that `uid`/`gid` cannot enter, if any.
fn closed_to(path: &Path, uid: u32, gid: u32) -> Option<PathBuf> {
    let mut at = PathBuf::from("/");
    for part in path.parent()?.components().skip(1) {
        at.push(part);
        let m = std::fs::metadata(&at).ok()?;
        let mode = m.mode();
        let open = if m.uid() == uid {
            mode & 0o100 != 0
        } else if m.gid() == gid {
            mode & 0o010 != 0
        } else {
            mode & 0o001 != 0
        };
        if !open {
            return Some(at);
        }
    }
    None
}

fn chown_all(dir: &Path, uid: u32, gid: u32) -> std::io::Result<()> {
    std::os::unix::fs::chown(dir, Some(uid), Some(gid))?;
    for entry in std::fs::read_dir(dir)?.flatten() {
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            chown_all(&path, uid, gid)?;
        } else {
            std::os::unix::fs::lchown(&path, Some(uid), Some(gid))?;
        }
    }
    Ok(())
}

/// Plans the confinement of `command` on Linux: socklab's launcher with its [`Spec`], or an
/// error that says why the program cannot be run so.
pub fn plan(
    confine: &Confine,
    command: &[String],
    scratch: &Path,
    writable: &[PathBuf],
    bind: Option<u16>,
    connect: Option<u16>,
    status_dir: &Path,
) -> Result<Plan, Reason> {
    let (program, args) = command
        .split_first()
        .ok_or_else(|| crate::reason!("case-program-no-command"))?;
    let resolved = which(program)
        .ok_or_else(|| crate::reason!("case-confine-not-found", program = program.clone()))?;
    let (exe, read) = readable(&resolved);
    let user = run_as(confine, &exe, scratch, writable)?;
    let status = status_dir.join(format!(
        "confine-{}-{}.json",
        std::process::id(),
        rand::random::<u64>()
    ));
    let mut spec = Spec {
        cgroup: Vec::new(),
        data_mib: 0,
        memory: String::new(),
        pids_by_cgroup: false,
        lang: crate::i18n::current(),
        read,
        devices: DEVICES
            .iter()
            .map(PathBuf::from)
            .filter(|p| p.exists())
            .collect(),
        write: std::iter::once(scratch.to_path_buf())
            .chain(writable.iter().cloned())
            .collect(),
        bind_tcp: bind.into_iter().collect(),
        connect_tcp: connect.into_iter().collect(),
        limits: confine.limits,
        user: user.clone(),
        status: status.clone(),
        program: exe.display().to_string(),
        args: args.to_vec(),
    };
    let (cgroup, env_note) = bound_memory(&mut spec, confine);
    let json = serde_json::to_string(&spec)
        .map_err(|e| crate::reason!("case-confine-no-spec", error = e.to_string()))?;
    let me = launcher(confine)?;
    let home = scratch.join("work").display().to_string();
    Ok(Plan {
        command: vec![me.display().to_string(), "__confine".into()],
        env: vec![
            (SPEC_ENV.into(), json),
            ("HOME".into(), home.clone()),
            ("TMPDIR".into(), home.clone()),
            ("TMP".into(), home.clone()),
            ("TEMP".into(), home),
        ]
        .into_iter()
        .chain(env_note)
        .collect(),
        status: Some(status),
        off: None,
        uid: user.map(|(uid, _, _)| uid),
        cgroup,
    })
}

/// The program to execute (a Python's real executable behind a shim) and the folders it may
/// read and execute beneath: the system's, its interpreter's installation, and the folder it
/// is in.
fn readable(resolved: &Path) -> (PathBuf, Vec<PathBuf>) {
    let mut read: Vec<PathBuf> = SYSTEM.iter().map(PathBuf::from).collect();
    let mut exe = resolved.to_path_buf();
    if let Some((real, prefixes)) = python_install(resolved) {
        exe = real;
        read.extend(prefixes);
    }
    if let Ok(real) = exe.canonicalize()
        && let Some(dir) = real.parent()
    {
        read.push(dir.to_path_buf());
        // A runtime installed as `PREFIX/bin/NAME` reads its own PREFIX (a JVM's lib/ and
        // modules, node's lib/, Go's GOROOT), wherever it was installed (SDKMAN, nvm).
        if dir.file_name().is_some_and(|n| n == "bin")
            && let Some(prefix) = dir.parent()
            && prefix != Path::new("/")
        {
            read.push(prefix.to_path_buf());
        }
    }
    if let Some(dir) = exe.parent() {
        read.push(dir.to_path_buf());
    }
    read.retain(|p| p.exists());
    read.sort();
    read.dedup();
    (exe, read)
}

/// The user the program runs as when socklab is root (uid, gid, name), after checking that it
/// can reach `exe` and giving it the scratch copy and the writable folders; None otherwise.
fn run_as(
    confine: &Confine,
    exe: &Path,
    scratch: &Path,
    writable: &[PathBuf],
) -> Result<Option<(u32, u32, String)>, Reason> {
    // SAFETY: geteuid has no preconditions and touches no memory.
    let root = unsafe { libc::geteuid() } == 0;
    if !root {
        return Ok(None);
    }
    let name = confine.as_user.clone().unwrap_or_else(|| "nobody".into());
    let (uid, gid) = user(&name)?;
    if uid != 0 {
        if let Some(closed) = closed_to(exe, uid, gid) {
            return Err(crate::reason!(
                "case-confine-interpreter-closed",
                interpreter = exe.display().to_string(),
                folder = closed.display().to_string(),
                user = name.clone(),
                hint = NOT_RUNNABLE_HINT
            ));
        }
        for dir in std::iter::once(scratch).chain(writable.iter().map(PathBuf::as_path)) {
            chown_all(dir, uid, gid).map_err(|e| {
                crate::reason!(
                    "case-confine-cannot-give",
                    folder = dir.display().to_string(),
                    user = name.clone(),
                    error = e.to_string()
                )
            })?;
        }
    }
    Ok(Some((uid, gid, name)))
}

/// Resident memory and processes by a cgroup where one can be made; the data segment always.
/// Without a cgroup a JVM sizes its first heap from the machine's memory (1/64 of it), so the
/// data limit leaves room for that. Returns the cgroup, and the note for the launcher when
/// there is none.
fn bound_memory(spec: &mut Spec, confine: &Confine) -> (Option<Cgroup>, Vec<(String, String)>) {
    let mib = 1024 * 1024;
    let (cgroup, no_cgroup) =
        match Cgroup::create(confine.limits.memory_mib * mib, confine.limits.processes) {
            Ok(g) => (Some(g), None),
            Err(e) => (None, Some(e)),
        };
    spec.data_mib = if cgroup.is_some() {
        confine.limits.memory_mib
    } else {
        confine.limits.memory_mib.max(physical_mib() / 64 + 256)
    };
    spec.cgroup = cgroup.as_ref().map(|g| g.join_files()).unwrap_or_default();
    if let Some(g) = &cgroup {
        spec.pids_by_cgroup = g.bounds_processes();
        spec.memory = if g.bounds_processes() {
            crate::t!(
                "case-confine-memory-and-processes-by-cgroup",
                cgroup = g.version(),
                data = spec.data_mib
            )
        } else {
            crate::t!(
                "case-confine-memory-by-cgroup",
                cgroup = g.version(),
                data = spec.data_mib
            )
        };
    }
    let mut env_note = Vec::new();
    if let Some(why) = no_cgroup {
        env_note.push((
            NO_CGROUP_ENV.to_owned(),
            crate::t!("case-confine-no-cgroup", why = why),
        ));
    }
    (cgroup, env_note)
}

/// The socklab program that confines: the one configured, or this very one when it is socklab.
fn launcher(confine: &Confine) -> Result<PathBuf, Reason> {
    match &confine.launcher {
        Some(l) => Ok(l.clone()),
        None => std::env::current_exe()
            .ok()
            .filter(|exe| {
                exe.file_stem()
                    .is_some_and(|s| s.to_string_lossy().starts_with("socklab"))
            })
            .ok_or_else(|| crate::reason!("case-confine-no-launcher")),
    }
}

/// Why no cgroup bounds the program (passed to the launcher for its report).
const NO_CGROUP_ENV: &str = "SOCKLAB_CONFINE_NO_CGROUP";

/// The machine's memory, MiB.
fn physical_mib() -> u64 {
    // SAFETY: sysconf reads a system constant.
    let (pages, size) = unsafe {
        (
            libc::sysconf(libc::_SC_PHYS_PAGES),
            libc::sysconf(libc::_SC_PAGESIZE),
        )
    };
    u64::try_from(pages).unwrap_or(0) * u64::try_from(size).unwrap_or(0) / (1024 * 1024)
}

/// How many processes (and threads) `uid` runs now.
fn processes_of(uid: u32) -> u64 {
    std::fs::read_dir("/proc")
        .map(|d| {
            d.flatten()
                .filter(|e| e.file_name().to_string_lossy().parse::<u32>().is_ok())
                .filter_map(|e| {
                    let m = std::fs::metadata(e.path()).ok()?;
                    (m.uid() == uid).then(|| {
                        std::fs::read_dir(e.path().join("task"))
                            .map(|t| t.count() as u64)
                            .unwrap_or(1)
                    })
                })
                .sum()
        })
        .unwrap_or(0)
}

fn set_limit(resource: libc::__rlimit_resource_t, soft: u64, hard: u64) -> bool {
    let r = libc::rlimit {
        rlim_cur: soft,
        rlim_max: hard,
    };
    // SAFETY: setrlimit reads the struct given; no memory of ours is kept.
    unsafe { libc::setrlimit(resource, &raw const r) == 0 }
}

/// The launcher: `socklab __confine`, with its [`Spec`] in the environment. Applies it and
/// executes the program; returns only when that failed (the exit code to use).
pub fn launch() -> i32 {
    use std::io::Write;
    use std::os::unix::process::CommandExt;

    let spec = match take_spec() {
        Ok(s) => s,
        Err(why) => return fail(why),
    };
    // It speaks the language of the check that started it.
    crate::i18n::set(spec.lang);
    // The status file is opened while the launcher may still write there; written to
    // once the restrictions are in place.
    let mut status = match std::fs::File::create(&spec.status) {
        Ok(f) => f,
        Err(e) => return fail(format!("{}: {e}", spec.status.display())),
    };
    let mut applied = Applied {
        enabled: true,
        limits: Some(spec.limits),
        ..Applied::default()
    };
    let uid_now = spec.user.as_ref().map_or_else(
        // SAFETY: getuid has no preconditions.
        || unsafe { libc::getuid() },
        |(uid, _, _)| *uid,
    );
    let joined = join_cgroup(&spec, &mut applied);
    set_limits(&spec, uid_now, joined && spec.pids_by_cgroup, &mut applied);
    if let Err(why) = become_user(&spec, &mut applied) {
        return fail(why);
    }
    report_landlock(restrict(&spec), &mut applied);
    if let Ok(text) = serde_json::to_string(&applied) {
        let _ = status.write_all(text.as_bytes());
    }
    drop(status);
    let e = std::process::Command::new(&spec.program)
        .args(&spec.args)
        .exec();
    eprintln!(
        "socklab: {}",
        crate::t!(
            "case-confine-cannot-exec",
            program = spec.program.clone(),
            error = e.to_string()
        )
    );
    127
}

/// Says why the launcher cannot confine the program; the exit code to use.
fn fail(why: String) -> i32 {
    eprintln!(
        "socklab: {}",
        crate::t!("case-confine-cannot-confine", why = why)
    );
    126
}

/// The launcher's [`Spec`], taken out of the environment (the program does not inherit it).
fn take_spec() -> Result<Spec, String> {
    let Some(json) = std::env::var_os(SPEC_ENV) else {
        return Err(crate::t!("case-confine-no-spec-given"));
    };
    // SAFETY: the launcher is single-threaded here: nothing reads the environment at once.
    unsafe { std::env::remove_var(SPEC_ENV) };
    serde_json::from_str(&json.to_string_lossy()).map_err(|e| e.to_string())
}

/// Into its cgroup while still root: everything it starts is counted there. Says in `applied`
/// what bounds memory; true if the launcher joined the cgroup.
fn join_cgroup(spec: &Spec, applied: &mut Applied) -> bool {
    let me = std::process::id().to_string();
    let joined =
        !spec.cgroup.is_empty() && spec.cgroup.iter().all(|f| std::fs::write(f, &me).is_ok());
    applied.memory = if joined {
        spec.memory.clone()
    } else {
        if let Some(why) = std::env::var_os(NO_CGROUP_ENV) {
            applied.missing.push(why.to_string_lossy().into_owned());
        } else if !spec.cgroup.is_empty() {
            applied
                .missing
                .push(crate::t!("case-confine-cgroup-not-joined"));
        }
        crate::t!("case-confine-memory-by-data", data = spec.data_mib)
    };
    // SAFETY: the launcher is single-threaded here.
    unsafe { std::env::remove_var(NO_CGROUP_ENV) };
    joined
}

/// Sets the resource limits (`by_cgroup`: the cgroup bounds the processes, not RLIMIT_NPROC);
/// what could not be set goes to `applied.missing`.
fn set_limits(spec: &Spec, uid_now: u32, by_cgroup: bool, applied: &mut Applied) {
    let l = spec.limits;
    let mib = 1024 * 1024;
    // A cgroup counts the program's own processes; without one, RLIMIT_NPROC counts every
    // process of its user, so the limit is what the user runs now and the program's share.
    let processes = processes_of(uid_now) + l.processes;
    let limits = [
        (
            libc::RLIMIT_CPU,
            l.cpu_seconds,
            l.cpu_seconds + 1,
            "case-confine-limit-cpu",
        ),
        (
            libc::RLIMIT_DATA,
            spec.data_mib * mib,
            spec.data_mib * mib,
            "case-confine-limit-data",
        ),
        (
            libc::RLIMIT_NPROC,
            processes,
            processes,
            "case-confine-limit-processes",
        ),
        (
            libc::RLIMIT_FSIZE,
            l.file_mib * mib,
            l.file_mib * mib,
            "case-confine-limit-file-size",
        ),
        (
            libc::RLIMIT_NOFILE,
            l.open_files,
            l.open_files,
            "case-confine-limit-open-files",
        ),
        (libc::RLIMIT_CORE, 0, 0, "case-confine-limit-core"),
    ];
    for (resource, soft, hard, what) in limits {
        if resource == libc::RLIMIT_NPROC && by_cgroup {
            continue;
        }
        if !set_limit(resource, soft, hard) {
            applied.missing.push(crate::i18n::tr(what));
        }
    }
}

/// Leaves root for the spec's user, if it names one; says in `applied` whom the program runs
/// as. An error when the switch failed.
fn become_user(spec: &Spec, applied: &mut Applied) -> Result<(), String> {
    match &spec.user {
        Some((uid, gid, name)) => {
            let gid = *gid;
            // SAFETY: plain system calls with values; the group list is one local.
            let ok = unsafe {
                libc::setgroups(1, &raw const gid) == 0
                    && libc::setgid(gid) == 0
                    && libc::setuid(*uid) == 0
                    && libc::getuid() == *uid
            };
            if !ok {
                return Err(crate::t!("case-confine-cannot-become", user = name.clone()));
            }
            applied.user = crate::t!("case-confine-user-named", user = name.clone(), uid = *uid);
            if *uid == 0 {
                applied.missing.push(crate::t!("case-confine-as-root"));
            }
        }
        None => {
            // SAFETY: getuid has no preconditions.
            let uid = unsafe { libc::getuid() };
            applied.user = crate::t!("case-confine-user-checking", uid = uid);
        }
    }
    Ok(())
}

/// Restricts this process (and so the program it executes) with Landlock, best effort: files,
/// TCP ports and signals, as far as the kernel supports them.
fn restrict(spec: &Spec) -> Result<RestrictionStatus, RulesetError> {
    let abi = ABI::V6;
    let mut r = Ruleset::default();
    r = r
        .set_compatibility(CompatLevel::BestEffort)
        .handle_access(AccessFs::from_all(abi))?
        .handle_access(AccessNet::BindTcp | AccessNet::ConnectTcp)?
        .scope(Scope::Signal)?
        .scope(Scope::AbstractUnixSocket)?;
    let mut created = r
        .create()?
        .add_rules(path_beneath_rules(&spec.read, AccessFs::from_read(abi)))?
        .add_rules(path_beneath_rules(&spec.devices, AccessFs::from_file(abi)))?
        .add_rules(path_beneath_rules(&spec.write, AccessFs::from_all(abi)))?;
    for port in &spec.bind_tcp {
        created = created.add_rule(NetPort::new(*port, AccessNet::BindTcp))?;
    }
    for port in &spec.connect_tcp {
        created = created.add_rule(NetPort::new(*port, AccessNet::ConnectTcp))?;
    }
    created.restrict_self()
}

/// What Landlock applied, and what this kernel's ABI leaves out, in `applied`.
fn report_landlock(ruleset: Result<RestrictionStatus, RulesetError>, applied: &mut Applied) {
    match ruleset {
        Ok(s) => {
            applied.landlock = match s.ruleset {
                RulesetStatus::FullyEnforced => "fully enforced",
                RulesetStatus::PartiallyEnforced => "partially enforced",
                RulesetStatus::NotEnforced => "not enforced",
            }
            .into();
            let kernel = match s.landlock {
                LandlockStatus::Available {
                    effective_abi,
                    kernel_abi,
                } => kernel_abi.unwrap_or(effective_abi as i32),
                _ => 0,
            };
            applied.landlock_abi = kernel;
            let on = s.ruleset != RulesetStatus::NotEnforced;
            applied.files = on && kernel >= 1;
            applied.tcp_ports = on && kernel >= 4;
            applied.signals = on && kernel >= 6;
            if kernel == 0 {
                applied
                    .missing
                    .push(crate::t!("case-confine-no-landlock-kernel"));
            } else {
                if kernel < 4 {
                    applied
                        .missing
                        .push(crate::t!("case-confine-no-tcp-rules", abi = kernel));
                }
                if kernel < 6 {
                    applied
                        .missing
                        .push(crate::t!("case-confine-no-signal-scope", abi = kernel));
                }
            }
        }
        Err(e) => {
            applied.landlock = "not enforced".into();
            applied.missing.push(crate::t!(
                "case-confine-landlock-error",
                error = e.to_string()
            ));
        }
    }
}
