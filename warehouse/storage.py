"""Where lake data lives for the active profile: the one place that knows local disk from S3.

``PUBDATA_PROFILE=local`` (the default): the lake is ``PUBDATA_HOME`` on local disk, exactly as
before; every helper here degrades to plain file operations.

``PUBDATA_PROFILE=distributed``: the lake (landing copies, raw, valid, quarantine, classified,
protected, shared variants) and the published versions (``open/``) are objects in an
S3-compatible store (``PUBDATA_LAKE_ENDPOINT``, ``PUBDATA_LAKE_BUCKET``; credentials from
``PUBDATA_LAKE_KEY_ID`` / ``PUBDATA_LAKE_SECRET`` in the environment, never from the repo). Parquet
goes through :class:`pyarrow.fs.S3FileSystem` and DuckDB's ``httpfs`` (loaded from the
``duckdb-extension-httpfs`` wheel by path, never downloaded).

Callers use *lake-relative* keys such as ``"lake/raw/health/clinics/run.parquet"``:

* :func:`uri` — what DuckDB's ``read_parquet``/``COPY ... TO`` take (an absolute local path, or
  ``s3://bucket/lake/...``);
* :func:`filesystem` + :func:`fs_path` — what pyarrow takes (``pq.read_table(fs_path(k),
  filesystem=filesystem())``);
* :class:`LakePath` — a tiny ``pathlib``-like handle on one object (``exists``, ``unlink``,
  ``open``, ``stat``, ``replace``, ``glob``, ``read_text``, ``write_text``, ``with_name``, ``/``)
  so code written against ``Path`` keeps working on either profile; :func:`lake_path` gives the
  handle of a key for the active profile (a local :class:`~pathlib.Path` or a :class:`LakePath`);
* :func:`copy_file`, :func:`parquet_file`, :func:`read_parquet_table`,
  :func:`write_parquet_table` — take either kind of handle (or a key);
* :func:`configure_duckdb` — loads ``httpfs`` and creates the S3 secret on a DuckDB connection
  (a no-op locally).
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import importlib.util
import os
import posixpath
import shutil
import stat as _stat
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from core import ConfigError, home
from core.secrets import mask
from core.settings import get_setting
from core.sql import quote_literal

# pyarrow and duckdb are imported inside the functions that use them: commands that only need lake
# paths (warehouse.lake: `pubdata keys`, `pubdata tokens`) do not pay for loading them.

__all__ = [
    "LakePath",
    "configure_duckdb",
    "copy_file",
    "duckdb_connect",
    "duckdb_cursor",
    "extension_path",
    "filesystem",
    "fs_path",
    "is_distributed",
    "lake_path",
    "mask",
    "parquet_file",
    "parquet_writer",
    "profile",
    "read_parquet_table",
    "s3_config",
    "uri",
    "write_parquet_table",
]

PROFILES = ("local", "distributed")


def profile() -> str:
    value = get_setting("PUBDATA_PROFILE").strip().lower()
    if value not in PROFILES:
        raise ConfigError(
            f"PUBDATA_PROFILE={value!r} is not a profile",
            hint="set PUBDATA_PROFILE to 'local' (default) or 'distributed'",
        )
    return value


def is_distributed() -> bool:
    return profile() == "distributed"


def s3_config() -> dict[str, Any]:
    """Endpoint, bucket and credentials of the object store (distributed profile)."""
    endpoint = get_setting("PUBDATA_LAKE_ENDPOINT")
    parts = urlsplit(endpoint if "://" in endpoint else f"http://{endpoint}")
    if not parts.hostname:
        raise ConfigError(f"PUBDATA_LAKE_ENDPOINT={endpoint!r} has no host", hint="e.g. http://127.0.0.1:8333")
    key_id, secret = get_setting("PUBDATA_LAKE_KEY_ID"), get_setting("PUBDATA_LAKE_SECRET")
    if not key_id or not secret:
        raise ConfigError(
            "the distributed profile needs S3 credentials in PUBDATA_LAKE_KEY_ID and PUBDATA_LAKE_SECRET "
            f"(key id {mask(key_id)}, secret {mask(secret)})",
            hint="source $PUBDATA_HOME/cluster/env (written by `make cluster-up`) or export them",
        )
    return {
        "scheme": parts.scheme or "http",
        "host": parts.hostname,
        "port": parts.port or (443 if parts.scheme == "https" else 80),
        "netloc": parts.netloc,
        "bucket": get_setting("PUBDATA_LAKE_BUCKET"),
        "region": get_setting("PUBDATA_LAKE_REGION"),
        "key_id": key_id,
        "secret": secret,
    }


# --------------------------------------------------------------------------------------------
# pyarrow


def filesystem():  # -> pyarrow.fs.FileSystem
    """The pyarrow filesystem of the active profile (cached per configuration)."""
    if not is_distributed():
        return _local_fs()
    c = s3_config()
    return _s3_fs(c["scheme"], c["netloc"], c["region"], c["key_id"], c["secret"])


@functools.lru_cache(maxsize=1)
def _local_fs():
    from pyarrow import fs

    return fs.LocalFileSystem()


@functools.lru_cache(maxsize=4)
def _s3_fs(scheme: str, netloc: str, region: str, key_id: str, secret: str):
    from pyarrow import fs

    return fs.S3FileSystem(
        access_key=key_id,
        secret_key=secret,
        endpoint_override=netloc,
        scheme=scheme,
        region=region,
        allow_bucket_creation=True,
        check_directory_existence_before_creation=False,
        connect_timeout=5,
        request_timeout=60,
    )


def _root() -> str:
    """The filesystem path of the lake root (local: PUBDATA_HOME; distributed: the bucket)."""
    return str(home()) if not is_distributed() else s3_config()["bucket"]


def _clean(key: str) -> str:
    key = str(key).replace("\\", "/").lstrip("/")
    norm = posixpath.normpath(key) if key else ""
    if norm.startswith("..") or norm == ".":
        raise ValueError(f"lake key {key!r} leaves the lake")
    return norm


def fs_path(key: str) -> str:
    """The path of a lake key for :func:`filesystem` (``<home>/key`` or ``<bucket>/key``)."""
    return f"{_root()}/{_clean(key)}"


def uri(key: str) -> str:
    """The location of a lake key for DuckDB (absolute local path, or ``s3://bucket/key``)."""
    if not is_distributed():
        return str(home() / _clean(key))
    return f"s3://{s3_config()['bucket']}/{_clean(key)}"


def _handle(path: Path | LakePath | str) -> Path | LakePath:
    """A handle as it is; a lake key becomes the active profile's handle."""
    return lake_path(path) if isinstance(path, str) else path


def parquet_file(path: Path | LakePath | str):  # -> pyarrow.parquet.ParquetFile
    """A Parquet file (metadata, schema, batches) of a local path or a lake object."""
    import pyarrow.parquet as pq

    path = _handle(path)
    if isinstance(path, LakePath):
        return pq.ParquetFile(path.open("rb"))
    return pq.ParquetFile(path)


def read_parquet_table(path: Path | LakePath | str, columns: list[str] | None = None):
    import pyarrow.parquet as pq

    path = _handle(path)
    if isinstance(path, LakePath):
        return pq.read_table(path.fs_path, columns=columns, filesystem=filesystem())
    return pq.read_table(path, columns=columns)


def write_parquet_table(table, path: Path | LakePath | str, **kw: Any) -> None:
    """Write a Parquet file atomically: local tmp + rename; S3 one PUT (objects appear whole)."""
    import pyarrow.parquet as pq

    kw.setdefault("compression", "zstd")
    path = _handle(path)
    if isinstance(path, LakePath):
        pq.write_table(table, path.fs_path, filesystem=filesystem(), **kw)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        pq.write_table(table, tmp, **kw)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@contextlib.contextmanager
def parquet_writer(path: Path | LakePath | str, schema: Any, **kw: Any) -> Iterator[Any]:
    """A ``pyarrow.parquet.ParquetWriter`` for a file written batch by batch, which appears whole
    when the block ends without an exception (local tmp + rename; S3: a local scratch file, then
    one upload) and not at all otherwise."""
    import pyarrow.parquet as pq

    kw.setdefault("compression", "zstd")
    path = _handle(path)
    with contextlib.ExitStack() as stack:
        if isinstance(path, LakePath):
            scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="pubdata-write-")))
            tmp = scratch / path.name
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
            stack.callback(tmp.unlink, missing_ok=True)
        writer = pq.ParquetWriter(tmp, schema, **kw)
        try:
            yield writer
        finally:
            writer.close()
        if isinstance(path, LakePath):
            copy_file(tmp, path)
        else:
            os.replace(tmp, path)


#: S3's limit of one server-side copy (CopyObject); bigger objects are copied as a streamed upload
_MAX_SERVER_COPY = 5 * 2**30


def copy_file(src: Path | LakePath, dst: Path | LakePath) -> None:
    """Copy a file or object to another place, local or in the lake. An object appears whole
    (a server-side copy inside the store, else one streamed upload, completed when closed);
    local to local is :func:`shutil.copyfile`."""
    if isinstance(src, LakePath) and isinstance(dst, LakePath) and src.stat().st_size < _MAX_SERVER_COPY:
        filesystem().copy_file(src.fs_path, dst.fs_path)
    elif isinstance(src, LakePath) or isinstance(dst, LakePath):
        dst.parent.mkdir(parents=True, exist_ok=True)
        with src.open("rb") as fin, dst.open("wb") as fout:
            shutil.copyfileobj(fin, fout, 1 << 20)
    else:
        shutil.copyfile(src, dst)


# --------------------------------------------------------------------------------------------
# DuckDB


def extension_path(name: str) -> str:
    """The bundled DuckDB extension file of ``name`` (from its ``duckdb-extension-*`` wheel)."""
    import duckdb

    spec = importlib.util.find_spec(f"duckdb_extension_{name}")
    if spec is None or not spec.origin:
        raise ConfigError(
            f"the DuckDB extension {name!r} is not installed",
            hint=f"install the distributed extra: uv pip install duckdb-extension-{name}=={duckdb.__version__}",
        )
    base = Path(spec.origin).parent / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    if not base.is_file():
        raise ConfigError(f"no {name} extension for DuckDB {duckdb.__version__} in {base.parent}")
    internal = _INTERNAL_NAMES.get(name)
    if internal:
        # DuckDB derives the entry point from the file name: the wheel's ``postgres`` file is the
        # ``postgres_scanner`` extension, so load it through a link with that name
        link_dir = home() / "cache" / "duckdb_extensions" / f"v{duckdb.__version__}"
        link_dir.mkdir(parents=True, exist_ok=True)
        link = link_dir / f"{internal}.duckdb_extension"
        if not (link.is_symlink() and os.readlink(link) == str(base)):
            tmp = link_dir / f".{internal}.{uuid.uuid4().hex[:8]}"
            os.symlink(base, tmp)
            os.replace(tmp, link)
        return str(link)
    return str(base)


_INTERNAL_NAMES = {"postgres": "postgres_scanner"}


def load_extension(con, name: str) -> None:
    con.execute(f"LOAD '{extension_path(name)}'")


def configure_duckdb(con, *, force: bool = False) -> None:
    """Let ``con`` read and write the lake: local no-op; distributed: httpfs + an S3 secret."""
    if not (force or is_distributed()):
        return
    c = s3_config()
    load_extension(con, "httpfs")
    lit = quote_literal
    con.execute(
        f"CREATE OR REPLACE TEMPORARY SECRET pubdata_s3 (TYPE s3, PROVIDER config, KEY_ID {lit(c['key_id'])}, "
        f"SECRET {lit(c['secret'])}, REGION {lit(c['region'])}, ENDPOINT {lit(c['netloc'])}, URL_STYLE 'path', "
        f"USE_SSL {'true' if c['scheme'] == 'https' else 'false'}, SCOPE {lit('s3://' + c['bucket'])})"
    )


def duckdb_connect(database: str = ":memory:", *, read_only: bool = False, **config: Any):
    """An in-memory (or file) DuckDB connection able to read/write lake URIs of the active profile."""
    import duckdb

    cfg = {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false", **config}
    con = duckdb.connect(database, read_only=read_only, config=cfg)
    configure_duckdb(con)
    return con


#: name -> (pid, the instance's first connection): :func:`duckdb_cursor`'s shared instances
_SHARED: dict[str, tuple[int, Any]] = {}
_SHARED_LOCK = threading.Lock()


def _shared_instance(name: str, setup: Callable[[Any], None] | None, config: dict[str, Any]) -> Any:
    with _SHARED_LOCK:
        entry = _SHARED.get(name)
        if entry is None or entry[0] != os.getpid():  # a forked child never uses its parent's
            con = duckdb_connect(**config)
            if setup is not None:
                setup(con)
            entry = _SHARED[name] = (os.getpid(), con)
        return entry[1]


@contextlib.contextmanager
def duckdb_cursor(name: str, *, setup: Callable[[Any], None] | None = None, **config: Any) -> Iterator[Any]:
    """A new connection of this process's in-memory DuckDB instance ``name``, closed when the block
    ends. Creating an instance costs ~30 ms of CPU, more than a tiny dataset's protection or row
    index; a process makes one per ``name``, with ``config`` and ``setup`` (called once, on the
    instance's first connection, which lives as long as the instance: Python functions must be
    registered there, a function registered on a closed connection crashes its callers).
    What a connection makes is its own and goes with it (temporary tables, registered Arrow
    views); the instance's settings (memory limit, threads) and functions are shared, so users of
    one ``name`` never change its settings. Able to read/write lake URIs of the active profile."""
    root = _shared_instance(name, setup, config)
    con = root.cursor()
    try:
        configure_duckdb(con)
        yield con
    finally:
        con.close()


# --------------------------------------------------------------------------------------------
# pathlib-like handles


class LakePath:
    """An object in the lake addressed by its key; the subset of :class:`pathlib.Path` the
    pipeline uses. ``str()`` is :func:`uri` (what DuckDB takes)."""

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        self.key = _clean(key)

    def __str__(self) -> str:
        return uri(self.key)

    def __repr__(self) -> str:
        return f"LakePath({self.key!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LakePath) and other.key == self.key

    def __hash__(self) -> int:
        return hash(self.key)

    def __truediv__(self, part: str) -> LakePath:
        return LakePath(f"{self.key}/{part}")

    @property
    def name(self) -> str:
        return posixpath.basename(self.key)

    @property
    def stem(self) -> str:
        return posixpath.splitext(self.name)[0]

    @property
    def suffix(self) -> str:
        return posixpath.splitext(self.name)[1]

    @property
    def parent(self) -> LakePath:
        return LakePath(posixpath.dirname(self.key))

    def with_name(self, name: str) -> LakePath:
        return LakePath(posixpath.join(posixpath.dirname(self.key), name))

    def relative_to(self, _root: Any = None) -> _Rel:
        return _Rel(self.key)

    @property
    def fs_path(self) -> str:
        return fs_path(self.key)

    def mkdir(self, *a: Any, **kw: Any) -> None:
        """Object stores have no directories: nothing to do."""

    def _info(self):
        return filesystem().get_file_info(self.fs_path)

    def exists(self) -> bool:
        from pyarrow import fs

        return self._info().type != fs.FileType.NotFound

    def is_file(self) -> bool:
        from pyarrow import fs

        return self._info().type == fs.FileType.File

    def stat(self) -> os.stat_result:
        """Size and modification time of the object (as :func:`os.stat` gives them for a file)."""
        from pyarrow import fs

        info = self._info()
        if info.type != fs.FileType.File:
            raise FileNotFoundError(self.key)
        ns = info.mtime_ns or 0
        sec = ns // 1_000_000_000
        return os.stat_result(
            (_stat.S_IFREG | 0o444, 0, 0, 1, 0, 0, info.size or 0, sec, sec, sec),
            {
                "st_atime": ns / 1e9,
                "st_mtime": ns / 1e9,
                "st_ctime": ns / 1e9,
                "st_atime_ns": ns,
                "st_mtime_ns": ns,
                "st_ctime_ns": ns,
            },
        )

    def unlink(self, missing_ok: bool = False) -> None:
        try:
            filesystem().delete_file(self.fs_path)
        except FileNotFoundError:
            if not missing_ok:
                raise
        except OSError as exc:
            if "not found" in str(exc).lower() or "NoSuchKey" in str(exc):
                if not missing_ok:
                    raise FileNotFoundError(self.key) from None
            else:
                raise

    def open(self, mode: str = "rb"):  # -> pyarrow.NativeFile
        """``"rb"``: a seekable reader; ``"wb"``: a writer whose object appears whole when closed."""
        if mode == "rb":
            return filesystem().open_input_file(self.fs_path)
        if mode == "wb":
            return filesystem().open_output_stream(self.fs_path)
        raise ValueError(f"LakePath.open: mode {mode!r} is not 'rb' or 'wb'")

    def replace(self, target: Path | LakePath) -> Path | LakePath:
        """Move this object to ``target``, overwriting it (object stores copy, then delete)."""
        copy_file(self, target)
        self.unlink()
        return target

    def read_bytes(self) -> bytes:
        with self.open("rb") as fh:
            return fh.read()

    def write_bytes(self, data: bytes) -> int:
        with self.open("wb") as fh:
            fh.write(data)
        return len(data)

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.read_bytes().decode(encoding)

    def write_text(self, text: str, encoding: str = "utf-8") -> int:
        return self.write_bytes(text.encode(encoding))

    def glob(self, pattern: str) -> list[LakePath]:
        """Objects directly under this prefix whose name matches ``pattern`` (fnmatch)."""
        from pyarrow import fs

        sel = fs.FileSelector(self.fs_path, allow_not_found=True, recursive=False)
        return [
            LakePath(f"{self.key}/{posixpath.basename(i.path)}")
            for i in filesystem().get_file_info(sel)
            if i.type == fs.FileType.File and fnmatch.fnmatch(posixpath.basename(i.path), pattern)
        ]


class _Rel(str):
    def as_posix(self) -> str:
        return str(self)


def lake_path(key: str) -> Path | LakePath:
    """A handle on a lake key: a local :class:`Path` under ``PUBDATA_HOME`` or a :class:`LakePath`."""
    return LakePath(key) if is_distributed() else home() / _clean(key)


def key_of(path: Path | LakePath | str) -> str:
    """The lake key of a handle (or of a local path under ``PUBDATA_HOME``)."""
    if isinstance(path, LakePath):
        return path.key
    p = Path(path)
    try:
        return p.resolve().relative_to(home()).as_posix()
    except ValueError:
        raise ValueError(f"{p} is not under PUBDATA_HOME") from None


def ensure_bucket() -> None:
    """Create the bucket if missing (distributed profile; ``make cluster-up`` calls it)."""
    if is_distributed():
        filesystem().create_dir(s3_config()["bucket"], recursive=False)
