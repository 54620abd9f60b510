"""A call's arguments, read the slow way: typos of call options, wrong positional arguments,
and the signature that ``help()`` and editors show. Imported on first need, never at import.

Call options (``config``, ``extra_headers``, ``timeout`` ...) are told apart from API
parameters by name; API parameters stay free-form. A keyword is taken for a typo of a call
option when it is within a small edit distance of one (1 for names of up to 4 letters, else 2,
case ignored; or a ``difflib`` similarity of 0.8 to an option of 6 letters or more) and is
not a parameter of the endpoint's request schema (``_params.py``, generated from the spec);
a few habits of other clients (``headers=``, ``request_timeout=``)
are named too. Anything else goes to the API as given.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from inspect import Signature
    from typing import Any, Dict, Iterable, List, Optional, Tuple

    from ._endpoint import Endpoint, Route

HABITS = {
    "headers": "extra_headers",
    "extra_params": "extra_query",
    "request_timeout": "timeout",
    "retries": "max_retries",
    "num_retries": "max_retries",
}
"""Names other clients use for a call option (httpx, openai < 1.0, litellm): not sent as is."""

_KINDS: Dict[str, Any] = {"s": str, "i": int, "f": float, "b": bool, "l": list, "d": dict}
_PATH_PARAM = re.compile(r"\{[^}]*\}")


def schema_params(route: Route) -> Optional[Dict[str, Tuple[str, bool]]]:
    """The route's request parameters (name to kind letter and required) from the spec, or None
    when the spec has no such operation (legacy endpoints, ``Client.request``)."""
    from ._params import PARAMS

    words = PARAMS.get(f"{route.method} {_PATH_PARAM.sub('{}', route.path)}")
    if words is None:
        return None
    found: Dict[str, Tuple[str, bool]] = {}
    for word in words.split():
        name, _, kind = word.partition(":")
        found[name] = (kind.rstrip("*"), kind.endswith("*"))
    return found


def endpoint_params(endpoint: Endpoint[Any, Any]) -> Dict[str, Tuple[str, bool]]:
    """Every route's request parameters; required only when one route serves the name."""
    merged: Dict[str, Tuple[str, bool]] = {}
    tables = [schema_params(route) or {} for route in endpoint.routes]
    for table in tables:
        for name, (kind, required) in table.items():
            merged.setdefault(name, (kind, required and len(tables) == 1))
    return merged


def distance(a: str, b: str) -> int:
    """The edit distance of ``a`` and ``b`` (insert, delete, replace, swap two neighbours)."""
    previous2: List[int] = []
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            cost = 0 if char == other else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        previous2, previous = previous, current
    return previous[-1]


def meant_option(name: str, options: Iterable[str]) -> Optional[str]:
    """The call option ``name`` is most likely a typo of, if any (see the module docstring)."""
    folded = name.lower()
    if folded in HABITS and HABITS[folded] in options:
        return HABITS[folded]
    best: Optional[Tuple[int, str]] = None
    for option in options:
        limit = 1 if len(option) <= 4 else 2
        found = distance(folded, option)
        if found > limit and len(option) >= 6 and _similar(folded, option):
            found = limit  # max_retry, max_tries: more edits, plainly the same word
        if found <= limit and (best is None or found < best[0]):
            best = (found, option)
    return best[1] if best else None


def _similar(a: str, b: str, cutoff: float = 0.8) -> bool:
    """``difflib``'s similarity of ``a`` and ``b`` is at least ``cutoff``. Its upper bound from
    the letters they share (difflib's ``quick_ratio``) rules most pairs out first, so a call
    with ordinary keywords does not load difflib."""
    pool = list(b)
    shared = 0
    for char in a:
        if char in pool:
            pool.remove(char)
            shared += 1
    if 2.0 * shared / (len(a) + len(b)) < cutoff:
        return False
    import difflib

    return difflib.SequenceMatcher(None, a, b).ratio() >= cutoff


def check_keywords(endpoint: Endpoint[Any, Any], names: Iterable[str]) -> None:
    """Raise ``TypeError`` for a keyword that is a typo of a call option; else remember the
    names as fine, so the next call with them costs one set lookup."""
    for name in names:
        option = meant_option(name, endpoint.options)
        if option is not None and name not in endpoint_params(endpoint):  # the spec, if near
            raise TypeError(
                f"{endpoint.name}() got an unexpected keyword argument {name!r}: "
                f"did you mean {option}=? (call options: {', '.join(sorted(endpoint.options))}; "
                "to send it to the API as it is, put it in the parameters mapping or extra_body=)"
            )
    if len(endpoint.checked) < 512:
        endpoint.checked.update(names)


def _shape(endpoint: Endpoint[Any, Any], route: Route) -> str:
    names = list(route.path_params + route.positional)
    required = [name for name, (_, needed) in (schema_params(route) or {}).items() if needed]
    keywords = [f"{name}=..." for name in required if name not in names]
    return f"{endpoint.name}({', '.join(names + keywords)})"


def route_error(
    endpoint: Endpoint[Any, Any], args: Tuple[Any, ...], kwargs: Dict[str, Any]
) -> TypeError:
    """A ``TypeError`` in the caller's terms for positional arguments that fit no route."""
    shapes = " or ".join(_shape(endpoint, route) for route in endpoint.routes)
    most = max(route.arity for route in endpoint.routes)
    if not args:
        wanted = [n for r in endpoint.routes for n in r.path_params + r.positional]
        missing = ", ".join(dict.fromkeys(n for n in wanted if n not in kwargs))
        return TypeError(f"{endpoint.name}() is missing {missing}: call it as {shapes}")
    shown = ", ".join(_short(arg) for arg in args)
    if most == 0:
        hint = _by_name(endpoint.routes[0], args)
        return TypeError(
            f"{endpoint.name}() takes API parameters by name, not by position: got {shown}"
            f"{hint}; call it as {shapes} (or with one mapping of parameters)"
        )
    absent = [n for r in endpoint.routes if r.arity > len(args) for n in r.path_params[len(args) :]]
    lacking = f", missing {absent[0]}" if absent else ""
    return TypeError(
        f"{endpoint.name}() got {len(args)} positional argument{'s' * (len(args) != 1)} "
        f"({shown}){lacking}; call it as {shapes}"
    )


def _by_name(route: Route, args: Tuple[Any, ...]) -> str:
    """`` (did you mean model='gpt-4o-mini'?)`` for one string given where a name was due."""
    table = schema_params(route) or {}
    if len(args) != 1 or not isinstance(args[0], str):
        return ""
    value = args[0]
    looks_like_model = not value.split()[1:] and any(c.isdigit() or c == "-" for c in value)
    others = [n for n, (kind, needed) in table.items() if needed and kind != "l" and n != "model"]
    if "model" in table and looks_like_model:
        name: Optional[str] = "model"
    else:
        name = others[0] if len(others) == 1 else None
    return f" (did you mean {name}={value!r}?)" if name else ""


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def signature(endpoint: Endpoint[Any, Any]) -> Signature:
    """The stub's signature with the request schema's parameters and the call options named."""
    import inspect

    stub = inspect.signature(endpoint.stub)
    parameters = [p for p in stub.parameters.values() if p.kind != p.VAR_KEYWORD]
    taken = {p.name for p in parameters}
    keyword = inspect.Parameter.KEYWORD_ONLY
    empty = inspect.Parameter.empty
    from ._config import UNSET

    required, optional = [], []
    for name, (kind, needed) in endpoint_params(endpoint).items():
        if name in taken or not name.isidentifier():
            continue
        taken.add(name)
        annotation = _KINDS.get(kind, empty)
        if needed:
            required.append(inspect.Parameter(name, keyword, annotation=annotation))
        else:
            parameter = inspect.Parameter(name, keyword, default=UNSET, annotation=annotation)
            optional.append(parameter)
    defaults = {"timeout": UNSET, "max_retries": UNSET, "stream": False}
    options = [
        inspect.Parameter(name, keyword, default=defaults.get(name))
        for name in endpoint.option_order
        if name not in taken
    ]
    rest = inspect.Parameter("options", inspect.Parameter.VAR_KEYWORD)
    return stub.replace(parameters=parameters + required + optional + options + [rest])
