#!/usr/bin/env python3
"""Supportwijzer's one entry point: build, serve or check the site.

    python build.py build   [--site DIR] [--brand FILE]   build into site/ (atomically)
    python build.py serve   [--port 8000] [--brand FILE]  build, serve on 127.0.0.1, rebuild on change
    python build.py check   [--brand FILE]                validate and build to a temp dir; write nothing

Problems are printed as ``file:line: message`` and make the command exit 1.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from builder.site import BuildError, Project, build_site

ROOT = Path(__file__).resolve().parent


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, helptext in (("build", "build the site into site/"), ("serve", "build, serve and rebuild on change"),
                           ("check", "validate and build to a temp dir; write nothing")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--site", type=Path, default=ROOT / "site", help="output folder (default: site/)")
        p.add_argument("--brand", type=Path, default=None,
                       help="brand file (default: brand.yml in the project, if there is one)")
        if name == "serve":
            p.add_argument("--port", type=int, default=8000)
            p.add_argument("--host", default="127.0.0.1")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    serving_at = f"http://{args.host}:{args.port}/" if args.command == "serve" else None
    project = Project(root=ROOT, brand_file=args.brand, site_url=serving_at)
    print(f"Supportwijzer: {args.command}", file=sys.stderr)
    log = lambda line: print(line, file=sys.stderr)  # noqa: E731 (progress goes to stderr)
    try:
        if args.command == "check":
            build_site(project, None, log=log)
            return 0
        build_site(project, args.site, log=log)
    except BuildError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"build failed: {len(error.problems)} problem(s); site/ was left as it was", file=sys.stderr)
        return 1
    if args.command == "serve":
        from builder.serve import serve
        return serve(project, args.site, args.host, args.port, log=log)
    print(f"Done. Serve it with: python build.py serve  (or any static web server on {args.site})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
