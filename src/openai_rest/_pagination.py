"""Auto-pagination over cursor-paged list endpoints (``has_more`` / ``last_id`` / ``after``)."""

from __future__ import annotations

from typing import Any, AsyncIterator, Callable, Iterator, Optional

from ._errors import APIError


class Paginator:
    """Every item of a list endpoint, fetched page by page as you iterate.

    ``for f in paginate(client.files): ...`` or, with an ``AsyncClient`` function,
    ``async for f in paginate(client.files): ...``. Arguments after the function are passed
    to every page request (``paginate(client.thread_messages, thread_id, limit=100)``).
    """

    def __init__(self, function: Callable[..., Any], *args: Any, **params: Any) -> None:
        self._function = function
        self._args = args
        self._params = params
        self.pages = 0

    def _next_cursor(self, page: Any, seen: set) -> Optional[str]:  # type: ignore[type-arg]
        """The ``after`` cursor for the next page, or ``None`` at the end; refuses loops."""
        self.pages += 1
        if not isinstance(page, dict) or not isinstance(page.get("data"), list):
            raise APIError(f"paginate: expected a list page with 'data', got {type(page).__name__}")
        data = page["data"]
        if not page.get("has_more") or not data:
            return None
        cursor = page.get("last_id") or (data[-1].get("id") if isinstance(data[-1], dict) else None)
        if not cursor:
            raise APIError("paginate: the page says has_more but gives no last_id to continue from")
        if cursor in seen:
            raise APIError(
                f"paginate: the server repeated the cursor {cursor!r} after {self.pages} pages; "
                "stopping instead of looping"
            )
        seen.add(cursor)
        return str(cursor)

    def __iter__(self) -> Iterator[Any]:
        import inspect

        if inspect.iscoroutinefunction(self._function):
            raise TypeError("paginate() got an async function: use 'async for'")
        params = dict(self._params)
        seen: set = set()  # type: ignore[type-arg]
        while True:
            page = self._function(*self._args, **params)
            yield from page["data"] if isinstance(page, dict) and "data" in page else []
            cursor = self._next_cursor(page, seen)
            if cursor is None:
                return
            params["after"] = cursor

    async def _aiterate(self) -> AsyncIterator[Any]:
        params = dict(self._params)
        seen: set = set()  # type: ignore[type-arg]
        while True:
            page = await self._function(*self._args, **params)
            for item in page["data"] if isinstance(page, dict) and "data" in page else []:
                yield item
            cursor = self._next_cursor(page, seen)
            if cursor is None:
                return
            params["after"] = cursor

    def __aiter__(self) -> AsyncIterator[Any]:
        return self._aiterate()


def paginate(function: Callable[..., Any], *args: Any, **params: Any) -> Paginator:
    """Iterate over every item of a list endpoint, sync or async (see ``Paginator``)."""
    return Paginator(function, *args, **params)
