"""Evals, their runs and the runs' output items."""

from __future__ import annotations

from .._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from .._endpoint import Params


class Evals:
    @endpoint(get("/evals"), get("/evals/{eval_id}"))
    def evals(self, eval_id: Optional[str] = None, /, **options: Any) -> Any:
        """List evaluations for a project; ``evals(eval_id)`` retrieves one."""

    @endpoint(post("/evals"))
    def evals_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create the structure of an evaluation that can be used to test a model's performance."""

    @endpoint(post("/evals/{eval_id}"))
    def evals_update(self, eval_id: str, params: Params = None, /, **options: Any) -> Any:
        """Update certain properties of an evaluation."""

    @endpoint(delete("/evals/{eval_id}"))
    def evals_delete(self, eval_id: str, /, **options: Any) -> Any:
        """Delete an evaluation."""

    @endpoint(get("/evals/{eval_id}/runs"))
    def eval_runs(self, eval_id: str, /, **options: Any) -> Any:
        """Get a list of runs for an evaluation."""

    @endpoint(post("/evals/{eval_id}/runs"))
    def eval_run_create(self, eval_id: str, params: Params = None, /, **options: Any) -> Any:
        """Kicks off a new run for a given evaluation, specifying the data source, and what model
        configuration to use to test.
        """

    @endpoint(get("/evals/{eval_id}/runs/{run_id}"))
    def eval_run(self, eval_id: str, run_id: str, /, **options: Any) -> Any:
        """Get an evaluation run by ID."""

    @endpoint(post("/evals/{eval_id}/runs/{run_id}", body="none"))
    def eval_run_cancel(self, eval_id: str, run_id: str, /, **options: Any) -> Any:
        """Cancel an ongoing evaluation run."""

    @endpoint(delete("/evals/{eval_id}/runs/{run_id}"))
    def eval_run_delete(self, eval_id: str, run_id: str, /, **options: Any) -> Any:
        """Delete an eval run."""

    @endpoint(get("/evals/{eval_id}/runs/{run_id}/output_items"))
    def eval_run_output_items(self, eval_id: str, run_id: str, /, **options: Any) -> Any:
        """Get a list of output items for an evaluation run."""

    @endpoint(get("/evals/{eval_id}/runs/{run_id}/output_items/{output_item_id}"))
    def eval_run_output_item(
        self, eval_id: str, run_id: str, output_item_id: str, /, **options: Any
    ) -> Any:
        """Get an evaluation run output item by ID."""
