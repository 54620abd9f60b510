"""The two short loops that drive a capability written as pure steps (``_large_files``,
``_parsing``, ``_tools``).

A step is an API call ``(name, args, kwargs)``, sent to the client's function of that name,
or a ``ToolRun`` of Python functions to run in parallel (threads on ``Client``; ``async``
functions gathered, sync ones in threads, on ``AsyncClient``). An API error is thrown back
into the steps; a function's error is handed back as its outcome, for the steps to report.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, Generator, List, Optional, Tuple

    Outcome = Tuple[Any, Optional[BaseException]]
    Calls = List[Tuple[Callable[..., Any], Dict[str, Any]]]


class ToolRun:
    """A step: run these ``(function, kwargs)`` calls, in parallel; answer their outcomes.

    The driver sends back one ``(output, error)`` pair per call, in order.
    """

    __slots__ = ("calls",)

    def __init__(self, calls: Calls) -> None:
        self.calls = calls


def drive(steps: Generator[Any, Any, Any], client: Any) -> Any:
    """Run the steps with a sync client."""
    result: Any = None
    error: Optional[BaseException] = None
    while True:
        try:
            step = steps.throw(error) if error else steps.send(result)
        except StopIteration as stop:
            return stop.value
        if isinstance(step, ToolRun):
            result, error = run_calls(step.calls), None
            continue
        name, args, kwargs = step
        try:
            result, error = getattr(client, name)(*args, **kwargs), None
        except Exception as exc:
            result, error = None, exc


async def adrive(steps: Generator[Any, Any, Any], client: Any) -> Any:
    """Run the steps with an ``AsyncClient``."""
    result: Any = None
    error: Optional[BaseException] = None
    while True:
        try:
            step = steps.throw(error) if error else steps.send(result)
        except StopIteration as stop:
            return stop.value
        if isinstance(step, ToolRun):
            result, error = await arun_calls(step.calls), None
            continue
        name, args, kwargs = step
        try:
            result, error = await getattr(client, name)(*args, **kwargs), None
        except Exception as exc:
            result, error = None, exc


def call_one(function: Callable[..., Any], kwargs: Dict[str, Any]) -> Outcome:
    """Call ``function``; its result or its error (an ``Exception``, never swallowed here)."""
    try:
        output = function(**kwargs)
    except Exception as error:
        return None, error
    if hasattr(output, "__await__"):
        getattr(output, "close", lambda: None)()
        message = f"{getattr(function, '__name__', function)} is async: run it with AsyncClient"
        return None, TypeError(message)
    return output, None


def run_calls(calls: Calls) -> List[Outcome]:
    """Run sync functions, in threads when there are several; outcomes in call order."""
    if len(calls) < 2:
        return [call_one(f, kwargs) for f, kwargs in calls]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(len(calls), 8)) as pool:
        return list(pool.map(lambda call: call_one(*call), calls))


async def arun_calls(calls: Calls) -> List[Outcome]:
    """Run ``async`` functions concurrently and sync ones in threads; outcomes in call order."""
    import asyncio
    import inspect

    async def one(function: Callable[..., Any], kwargs: Dict[str, Any]) -> Outcome:
        if not inspect.iscoroutinefunction(function):
            return await asyncio.to_thread(call_one, function, kwargs)
        try:
            return await function(**kwargs), None
        except Exception as error:
            return None, error

    return list(await asyncio.gather(*(one(f, kwargs) for f, kwargs in calls)))
