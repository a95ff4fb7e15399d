"""``pubdata demands``: data demands between departments (供需对接), their answers and grants."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demands",
        help="file, list, answer data demands between departments; revoke grants",
        description="A department asks another for data; the owner grants (share / verify / query) or "
        "refuses with a negative-list rule or a cited legal basis within the deadline (working days).",
    )
    dsub = p.add_subparsers(dest="demands_command", metavar="ACTION", required=True)

    f = dsub.add_parser("file", help="file a demand on behalf of a department")
    f.add_argument("requester", metavar="DEPT", help="the department that needs the data")
    what = f.add_mutually_exclusive_group(required=True)
    what.add_argument("--dataset", metavar="DEPARTMENT.DATASET")
    what.add_argument("--description", help="the data needed, when the dataset is not known")
    f.add_argument("--owner", metavar="DEPT", help="department thought to hold it (with --description)")
    f.add_argument("--fields", default="", help="columns needed, comma-separated")
    f.add_argument("--services", default="share", help="share,verify,query (default share)")
    f.add_argument("--purpose", required=True, help="identifier, e.g. medical_assistance")
    f.add_argument("--legal-basis", required=True, help="the law or document that allows the use")
    f.add_argument("--period-start", metavar="YYYY-MM-DD")
    f.add_argument("--period-end", metavar="YYYY-MM-DD", help="end of the period of use (default grant expiry)")
    f.set_defaults(func=run_file)

    ls = dsub.add_parser("list", help="demands (of one department, as requester or owner)")
    ls.add_argument("--department", metavar="DEPT")
    ls.add_argument("--status", help="filed, granted, refused, withdrawn, expired or overdue")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_list)

    sh = dsub.add_parser("show", help="one demand")
    sh.add_argument("demand_id", metavar="ID")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(func=run_show)

    a = dsub.add_parser("answer", help="grant or refuse a demand (as its owner, or --officer on its behalf)")
    a.add_argument("demand_id", metavar="ID")
    who = a.add_mutually_exclusive_group(required=True)
    who.add_argument("--by", metavar="DEPT", help="the owning department answering")
    who.add_argument("--officer", metavar="NAME", help="a data officer answering on the owner's behalf")
    decision = a.add_mutually_exclusive_group(required=True)
    decision.add_argument("--grant", action="store_true")
    decision.add_argument("--refuse", action="store_true")
    a.add_argument("--dataset", metavar="DEPARTMENT.DATASET", help="the dataset granted (free-description demands)")
    a.add_argument("--fields", help="columns granted (default: those asked)")
    a.add_argument("--purpose", help="purpose of the grant (default: the demand's)")
    a.add_argument("--services", help="share,verify,query (default: those asked)")
    a.add_argument("--mode", choices=["pseudonymised", "clear"], default="pseudonymised")
    a.add_argument("--expires", metavar="YYYY-MM-DD", help="default: the end of the period of use")
    a.add_argument("--days", type=int, help="expiry in days instead of a date")
    a.add_argument("--verify-keys", help="key columns of verification (default: the primary key)")
    a.add_argument("--verify-fields", help="fields that may be verified (default: the granted fields)")
    a.add_argument("--epsilon", type=float, help="privacy budget (ε) of aggregate queries (default: the policy's)")
    a.add_argument("--calls-per-day", type=int, help="calls a day on the grant (default: the policy's)")
    a.add_argument("--rule", dest="refusal_rule", help="refusal: the negative-list rule id")
    a.add_argument("--basis", dest="refusal_basis", help="refusal: the cited legal basis")
    a.add_argument("--note", default="")
    a.set_defaults(func=run_answer)

    w = dsub.add_parser("withdraw", help="the requester withdraws its demand")
    w.add_argument("demand_id", metavar="ID")
    w.add_argument("--by", required=True, metavar="DEPT")
    w.set_defaults(func=run_withdraw)

    r = dsub.add_parser("route", help="a data officer names the owner of a free-description demand")
    r.add_argument("demand_id", metavar="ID")
    r.add_argument("--owner", required=True, metavar="DEPT")
    r.add_argument("--officer", required=True, metavar="NAME")
    r.set_defaults(func=run_route)

    g = dsub.add_parser("grants", help="grants in force and past")
    g.add_argument("--department", metavar="DEPT")
    g.add_argument("--json", action="store_true")
    g.set_defaults(func=run_grants)

    v = dsub.add_parser("revoke", help="revoke a grant (access stops at once)")
    v.add_argument("grant_id", metavar="GRANT_ID")
    who = v.add_mutually_exclusive_group(required=True)
    who.add_argument("--by", metavar="DEPT", help="the owning department")
    who.add_argument("--officer", metavar="NAME")
    v.add_argument("--reason", default="")
    v.set_defaults(func=run_revoke)


def _csv(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def _print(d: dict[str, Any]) -> None:
    due = f"{d['due_at']:%Y-%m-%d}" if d["due_at"] else "awaiting routing"
    late = " OVERDUE" if d["overdue"] else ""
    what = d["dataset"] or (d["description"] or "")[:40]
    print(
        f"{d['id']}  {d['status']:<9} {d['requester']:<18} -> {d['owner'] or '?':<18} {what}  due {due}{late}"
        + (f"  grant {d['grant_id']}" if d["grant_id"] else "")
        + ("  refused WITHOUT BASIS" if d["without_basis"] else "")
    )


def run_file(args: argparse.Namespace) -> int:
    from catalog import demands

    d = demands.file(
        args.requester,
        dataset=args.dataset,
        description=args.description,
        owner=args.owner,
        fields=_csv(args.fields),
        services=_csv(args.services),
        purpose=args.purpose,
        legal_basis=args.legal_basis,
        period_start=args.period_start,
        period_end=args.period_end,
        actor=f"cli:{args.requester}",
    )
    _print(d)
    if d["owner"]:
        print(f"{d['owner']} answers with `pubdata demands answer {d['id']} --by {d['owner']} --grant|--refuse`")
    else:
        print(f"a data officer routes it: `pubdata demands route {d['id']} --owner DEPT --officer NAME`")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from catalog import demands

    rows = demands.list_demands(args.department, status=args.status)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, default=str, indent=1))
        return 0
    for d in rows:
        _print(d)
    if not rows:
        print("no demands")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from catalog import demands

    d = demands.get_demand(args.demand_id)
    if args.json:
        print(json.dumps(d, ensure_ascii=False, default=str, indent=1))
        return 0
    _print(d)
    for key in ("fields", "services", "purpose", "legal_basis", "period_start", "period_end", "filed_at"):
        print(f"  {key}: {d[key]}")
    if d["answered_at"]:
        print(
            f"  answered: {d['answered_at']:%Y-%m-%d %H:%M} by {d['answered_by']} ({d['response_days']} working days)"
        )
    if d["status"] == "refused":
        print(f"  refusal: rule {d['refusal_rule'] or '-'}; basis {d['refusal_basis'] or '-'}")
    return 0


def run_answer(args: argparse.Namespace) -> int:
    from catalog import demands

    actor = f"officer:{args.officer}" if args.officer else f"cli:{args.by}"
    d = demands.answer(
        args.demand_id,
        decision="grant" if args.grant else "refuse",
        by_department=args.by,
        actor=actor,
        dataset=args.dataset,
        fields=_csv(args.fields),
        purpose=args.purpose,
        services=_csv(args.services),
        mode=args.mode,
        expires=args.expires,
        days=args.days,
        verify_keys=_csv(args.verify_keys),
        verify_fields=_csv(args.verify_fields),
        epsilon=args.epsilon,
        calls_per_day=args.calls_per_day,
        refusal_rule=args.refusal_rule,
        refusal_basis=args.refusal_basis,
        note=args.note,
    )
    _print(d)
    if d["status"] == "granted":
        print(
            f"grant {d['grant_id']} takes effect on the next run of {d['dataset']} (`pubdata run --department {d['owner']}`)"
        )
    return 0


def run_withdraw(args: argparse.Namespace) -> int:
    from catalog import demands

    _print(demands.withdraw(args.demand_id, requester=args.by, actor=f"cli:{args.by}"))
    return 0


def run_route(args: argparse.Namespace) -> int:
    from catalog import demands

    _print(demands.route(args.demand_id, args.owner, actor=f"officer:{args.officer}"))
    return 0


def run_grants(args: argparse.Namespace) -> int:
    from catalog import grants

    rows = grants.list_grants(args.department)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, default=str, indent=1))
        return 0
    for g in rows:
        state = "revoked" if g["revoked_at"] else ("active" if g["active"] else "expired")
        budget = f" ε {g['epsilon_spent']:.2f}/{g['epsilon_total']:.2f}" if g["epsilon_total"] is not None else ""
        print(
            f"{g['id']}  {state:<8} {g['department_id']}.{g['dataset_id']} -> {g['recipient']} for {g['purpose']} "
            f"[{','.join(g['services'])}] {','.join(g['fields'])}{budget}"
        )
    if not rows:
        print("no grants")
    return 0


def run_revoke(args: argparse.Namespace) -> int:
    from catalog import grants

    actor = f"officer:{args.officer}" if args.officer else f"cli:{args.by}"
    g = grants.revoke(args.grant_id, by=actor, department=args.by, reason=args.reason)
    print(f"grant {g['id']} revoked: {g['recipient']} no longer reaches {g['department_id']}.{g['dataset_id']}")
    return 0
