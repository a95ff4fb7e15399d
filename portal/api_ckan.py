"""CKAN Action API compatibility: ``/api/action/<name>`` and ``/api/3/action/<name>``, GET and POST.

Same envelope as CKAN 2.10 (``help``, ``success``, ``result`` | ``error {__type, message}``), the
same error types, statuses and wording (``ckan/views/api.py``), so that the ``ckanapi`` client and
CKAN harvesters work unchanged. An unknown action is HTTP 400 with CKAN's bare JSON string
``"Bad request - Action name not known: <name>"`` (``_finish_bad_request``), which ``ckanapi`` raises
as ``CKANAPIError``. The actions are in :mod:`portal.ckan_actions`; CKAN's ``/api`` root, util
(autocomplete) and i18n routes in :mod:`portal.api_ckan_util`.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from portal import datastore, limits
from portal import state as catalog_state
from portal.access import AccessDenied
from portal.ckan import CkanError
from portal.ckan_actions import ACTIONS, ckan_index
from portal.common import base_url
from portal.tracking import track

router = APIRouter(tags=["CKAN Action API"])
BLOCKING = {"datastore_search"}  # actions that read data files run in the thread pool; the rest are
#                                  CPU-only work on the cached catalog and run on the event loop


# ---- the envelope ----------------------------------------------------------------------------


def _envelope(request: Request, name: str, *, result: Any = None, error: CkanError | None = None) -> Response:
    if error is not None and error.type == "Bad Request":  # CKAN's _finish_bad_request: a bare string
        return JSONResponse(error.message, status_code=error.status)
    body: dict[str, Any] = {"help": f"{base_url(request)}/api/3/action/help_show?name={name}"}
    if error is None:
        records = result.get("records") if isinstance(result, dict) else None
        if isinstance(records, datastore.Records) and records.json:
            # the same JSON as below, with the records' kept text in place of encoding them again
            rest = datastore.dumps({k: v for k, v in result.items() if k != "records"})
            text = f'{{"help":{datastore.dumps(body["help"])},"success":true,"result":{rest[:-1]}'
            text += f'{"," if len(rest) > 2 else ""}"records":{records.json}}}}}'
            return Response(text.encode(), media_type="application/json")
        body.update(success=True, result=result)
        return JSONResponse(body)
    body.update(success=False, error=error.body())
    headers = {"WWW-Authenticate": 'Bearer realm="pubdata"'} if error.status == 401 else None
    return JSONResponse(body, status_code=error.status, headers=headers)


async def _params(request: Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query_params)
    if request.method == "POST":
        raw = await request.body()  # its size and read time are limited by portal.limits.BodyLimit
        ctype = request.headers.get("content-type", "")
        if raw.strip():
            if "application/x-www-form-urlencoded" in ctype:
                form = await request.form()
                params.update({k: v for k, v in form.items() if isinstance(v, str)})
            else:
                try:
                    body = limits.loads(raw)
                except limits.JsonTooDeep as exc:
                    raise CkanError("Bad Request", f"Bad request - JSON Error: {exc}") from None
                except (ValueError, UnicodeDecodeError):
                    raise CkanError("Bad Request", "Bad request - JSON Error: could not parse the body") from None
                if not isinstance(body, dict):
                    raise CkanError("Bad Request", "Bad request - JSON Error: the body must be a JSON object")
                params.update(body)
    return params


async def ckan_action(request: Request, name: str) -> Response:
    safe = name if name.isascii() and name.replace("_", "").isalnum() and len(name) < 64 else "unknown"
    fn = ACTIONS.get(name)
    try:
        if fn is None:
            raise CkanError("Bad Request", f"Bad request - Action name not known: {safe}", status=400)
        params = await _params(request)
        params.pop("callback", None)
        if name in BLOCKING or not catalog_state.is_fresh():
            result = await run_in_threadpool(fn, request, params)
        else:
            result = fn(request, params)
    except CkanError as exc:
        return _envelope(request, safe, error=exc)
    except AccessDenied as exc:
        return _envelope(request, safe, error=CkanError("Authorization Error", exc.message, status=exc.status))
    _track(request, name, params)
    return _envelope(request, safe, result=result)


def _track(request: Request, name: str, params: dict[str, Any]) -> None:
    """Count a successful call: per dataset for the actions that name one, else catalog-wide."""
    st = catalog_state.latest()  # the answer is sent: no catalog reload on the event loop for counting it
    known = st.by_key
    ident = params.get("resource_id") if name == "datastore_search" else params.get("id")
    key = None
    if name in ("package_show", "resource_show", "datastore_search") and isinstance(ident, str):
        index = ckan_index(st)
        found = index.resource(ident, known) or index.package(ident, known)
        key = (found[0], found[1]) if found else None
    track(
        request, "datastore" if name == "datastore_search" else "api", st.by_key.get(key) if key else None, action=name
    )


_DESCRIPTION = (
    "CKAN Action API (CKAN 2.10 shapes): "
    + ", ".join(sorted(ACTIONS))
    + ". GET with query parameters or POST a JSON object; the answer is CKAN's envelope. "
    "`help_show?name=<action>` gives an action's parameters."
)
for _prefix, _label in (("/api/action", "unversioned"), ("/api/3/action", "v3")):
    for _method in ("GET", "POST"):
        router.add_api_route(
            f"{_prefix}/{{name}}",
            ckan_action,
            methods=[_method],
            summary=f"CKAN action ({_label}, {_method})",
            description=_DESCRIPTION,
            operation_id=f"ckan_{_label}_{_method.lower()}",
        )
