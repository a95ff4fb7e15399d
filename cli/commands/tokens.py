"""``pubdata tokens``: department and officer tokens, applications and approvals for conditional data."""

from __future__ import annotations

import argparse
import json

from core import CatalogError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "tokens",
        help="issue, list and revoke access tokens; apply for and approve access",
        description="Tokens are shown once when issued and stored only as hashes.",
    )
    tsub = p.add_subparsers(dest="tokens_command", metavar="ACTION", required=True)

    i = tsub.add_parser("issue", help="issue a department token (optionally with a scope) or an officer token")
    i.add_argument("department", nargs="?", metavar="DEPT", help="the department that will hold the token")
    i.add_argument("--officer", metavar="NAME", help="issue an officer token instead (portal /officers/)")
    i.add_argument("--dataset", metavar="DEPARTMENT.DATASET", help="conditional dataset the token may read")
    i.add_argument("--purpose", help="purpose of use (identifier, e.g. medical_assistance)")
    i.add_argument("--days", type=int, help="expiry in days (default: no expiry)")
    i.add_argument("--note", default="")
    i.add_argument("--by", default="cli", help="who issues (recorded in the audit log)")
    i.set_defaults(func=run_issue)

    ls = tsub.add_parser("list", help="list tokens and their scopes (never their secrets)")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_list)

    r = tsub.add_parser("revoke", help="revoke a token by id")
    r.add_argument("token_id", metavar="ID")
    r.add_argument("--by", default="cli")
    r.set_defaults(func=run_revoke)

    a = tsub.add_parser("apply", help="apply for access to a conditional dataset")
    a.add_argument("applicant", metavar="DEPT", help="applicant department")
    a.add_argument("--dataset", required=True, metavar="DEPARTMENT.DATASET")
    a.add_argument("--purpose", required=True)
    a.add_argument("--reason", required=True)
    a.add_argument("--contact", default="")
    a.add_argument("--token-id", help="add the scope to this existing token of the applicant when approved")
    a.add_argument("--days", type=int, help="requested duration in days")
    a.set_defaults(func=run_apply)

    ap = tsub.add_parser("approve", help="approve (or --reject) an application; lists pending ones without ID")
    ap.add_argument("application_id", nargs="?", metavar="APPLICATION_ID")
    ap.add_argument("--by", dest="officer", help="approving data officer (required to decide)")
    ap.add_argument("--reject", action="store_true")
    ap.add_argument("--note", default="")
    ap.set_defaults(func=run_approve)


def run_issue(args: argparse.Namespace) -> int:
    from catalog import tokens

    if bool(args.department) == bool(args.officer):
        raise CatalogError("name a department (pubdata tokens issue DEPT) or --officer NAME")
    row, secret = tokens.issue(
        args.department,
        officer=args.officer,
        dataset=args.dataset,
        purpose=args.purpose,
        days=args.days,
        note=args.note,
        actor=f"cli:{args.by}",
    )
    holder = row["department_id"] or f"officer {row['officer']}"
    print(f"token {row['id']} for {holder}" + (f", expires {row['expires_at']:%Y-%m-%d}" if row["expires_at"] else ""))
    print("keep it secret; it is shown only now:")
    print(secret)
    return 0


def run_list(args: argparse.Namespace) -> int:
    from catalog import tokens

    rows = tokens.list_tokens()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, default=str, indent=1))
        return 0
    for t in rows:
        state = "revoked" if t["revoked_at"] else "active"
        exp = f"{t['expires_at']:%Y-%m-%d}" if t["expires_at"] else "-"
        print(f"{t['id']}  {t['kind']:<10} {t['department_id'] or t['officer']:<20} {state:<8} expires {exp}")
        for s in t["scopes"]:
            print(f"    {s['department_id']}.{s['dataset_id']} for {s['purpose']}")
    if not rows:
        print("no tokens")
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    from catalog import tokens

    tokens.revoke(args.token_id, actor=f"cli:{args.by}")
    print(f"revoked {args.token_id}")
    return 0


def run_apply(args: argparse.Namespace) -> int:
    from catalog import tokens

    app = tokens.apply(
        args.applicant,
        args.dataset,
        args.purpose,
        args.reason,
        contact=args.contact,
        token_id=args.token_id,
        days=args.days,
        actor=f"cli:{args.applicant}",
    )
    print(
        f"application {app['id']} submitted (pending); an officer approves it with "
        f"`pubdata tokens approve {app['id']} --by NAME`"
    )
    return 0


def run_approve(args: argparse.Namespace) -> int:
    from catalog import tokens

    if not args.application_id:
        pending = tokens.applications("pending")
        for a in pending:
            print(
                f"{a['id']}  {a['applicant']:<16} {a['department_id']}.{a['dataset_id']} for {a['purpose']}: {a['reason']}"
            )
        if not pending:
            print("no pending applications")
        return 0
    if not args.officer:
        raise CatalogError("say who decides: --by NAME")
    app, new_token = tokens.decide(args.application_id, approve=not args.reject, officer=args.officer, note=args.note)
    print(f"application {app['id']} {app['status']} (token {app['token_id'] or '-'})")
    if new_token:
        print("new department token for the applicant; shown only now:")
        print(new_token)
    return 0
