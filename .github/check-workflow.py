"""Parses .github/workflows/build.yml and checks its shape: the triggers, the verify matrix (Linux with JDK 17
and 21, Windows, macOS), one package job per OS on v* tags with the installers each must upload, and the
release job (SHA256SUMS, draft release). Run by .ci/run; needs PyYAML (Debian: python3-yaml).
Usage: python3 .github/check-workflow.py [.github/workflows/build.yml]"""
import sys

import yaml

path = sys.argv[1] if len(sys.argv) > 1 else ".github/workflows/build.yml"
with open(path, encoding="utf-8") as f:
    workflow = yaml.safe_load(f)
problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def steps_text(job):
    """Everything a job's steps run or use, as one string to search."""
    parts = []
    for step in job.get("steps", []):
        parts += [str(step.get("run", "")), str(step.get("uses", "")), str(step.get("with", "")), str(step.get("if", ""))]
    return "\n".join(parts)


check(isinstance(workflow, dict), "the workflow is not a mapping")
# YAML 1.1 reads the key `on` as the boolean true.
triggers = workflow.get("on", workflow.get(True)) or {}
jobs = workflow.get("jobs") or {}
check("push" in triggers and "pull_request" in triggers, "the workflow must run on push and pull_request")
check("v*" in ((triggers.get("push") or {}).get("tags") or []), "pushing a v* tag must run the workflow")

verify = jobs.get("verify") or {}
check(bool(verify), "no verify job")
matrix = (verify.get("strategy") or {}).get("matrix") or {}
combos = [(os, str(java)) for os in matrix.get("os", []) for java in matrix.get("java", [])]
combos += [(c.get("os"), str(c.get("java"))) for c in matrix.get("include", [])]
linux_jdks = {java for os, java in combos if os and os.startswith("ubuntu")}
check({"17", "21"} <= linux_jdks, f"verify must run on Linux with JDK 17 and 21 (has {sorted(linux_jdks)})")
check(any(os and os.startswith("windows") for os, _ in combos), "verify must run on Windows")
check(any(os and os.startswith("macos") for os, _ in combos), "verify must run on macOS")
check("mvn -B -ntp verify" in steps_text(verify), "verify must run mvn -B verify")
check("xvfb" in steps_text(verify) and "ffmpeg" in steps_text(verify), "verify must install Xvfb and FFmpeg on Linux")

expected = {
    "package-linux": ["reelwatch_*.deb", "reelwatch-*.rpm", "reelwatch-*-linux-*.tar.gz", "smoke-test.sh"],
    "package-windows": ["*.msi", "candle.exe"],
    "package-macos": ["*.dmg", "notarytool", "--mac-sign"],
}
for name, needles in expected.items():
    job = jobs.get(name)
    check(job is not None, f"no {name} job")
    if not job:
        continue
    text = steps_text(job)
    check("mvn -B -ntp -Ppackage package" in text, f"{name} must run mvn -Ppackage package")
    for needle in needles:
        check(needle in text, f"{name} lacks {needle}")
    check("verify" in (job.get("needs") or []), f"{name} must wait for verify")
check(jobs.get("version", {}).get("if", "").startswith("startsWith(github.ref, 'refs/tags/v')"),
      "the version job (and the package jobs after it) must run on v* tags only")

release = jobs.get("release") or {}
text = steps_text(release)
check(set(expected) <= set(release.get("needs") or []), "release must wait for every package job")
check("sha256sum" in text and "SHA256SUMS" in text, "release must write SHA256SUMS")
check("--draft" in text, "release must make a draft release")
check((release.get("permissions") or {}).get("contents") == "write", "release needs contents: write")

if problems:
    for problem in problems:
        print(f"check-workflow: {path}: {problem}", file=sys.stderr)
    sys.exit(1)
print(f"check-workflow: {path} parses; jobs {', '.join(jobs)}; verify on {len(combos)} OS/JDK combinations")
