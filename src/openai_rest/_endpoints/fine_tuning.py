"""Fine-tuning jobs, their events and checkpoints, checkpoint permissions, and graders."""

# Typed stubs are never called: their bodies are their docstrings.
# mypy: disable-error-code="empty-body"

from __future__ import annotations

from .._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from .._endpoint import Params
    from ..types import FineTuningJob


class FineTuning:
    @endpoint(post("/fine_tuning/alpha/graders/run"))
    def fine_tuning_alpha_graders_run(self, params: Params = None, /, **options: Any) -> Any:
        """Run a grader."""

    @endpoint(post("/fine_tuning/alpha/graders/validate"))
    def fine_tuning_alpha_graders_validate(self, params: Params = None, /, **options: Any) -> Any:
        """Validate a grader."""

    @endpoint(get("/fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions"))
    def fine_tuning_checkpoint_permissions(
        self, fine_tuned_model_checkpoint: str, /, **options: Any
    ) -> Any:
        """./admin-api-keys)."""

    @endpoint(post("/fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions"))
    def fine_tuning_checkpoint_permission_create(
        self, fine_tuned_model_checkpoint: str, params: Params = None, /, **options: Any
    ) -> Any:
        """./admin-api-keys)."""

    @endpoint(
        delete("/fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions/{permission_id}")
    )
    def fine_tuning_checkpoint_permission_delete(
        self, fine_tuned_model_checkpoint: str, permission_id: str, /, **options: Any
    ) -> Any:
        """./admin-api-keys)."""

    @endpoint(get("/fine_tuning/jobs"), get("/fine_tuning/jobs/{fine_tuning_job_id}"))
    def fine_tuning_jobs(self, fine_tuning_job_id: Optional[str] = None, /, **options: Any) -> Any:
        """List your organization's fine-tuning jobs; ``fine_tuning_jobs(fine_tuning_job_id)``
        retrieves one.
        """

    @endpoint(post("/fine_tuning/jobs"))
    def fine_tuning_jobs_create(self, params: Params = None, /, **options: Any) -> FineTuningJob:
        """Creates a fine-tuning job which begins the process of creating a new model from a given
        dataset.
        """

    @endpoint(post("/fine_tuning/jobs/{fine_tuning_job_id}/cancel", body="none"))
    def fine_tuning_jobs_cancel(self, fine_tuning_job_id: str, /, **options: Any) -> FineTuningJob:
        """Immediately cancel a fine-tune job."""

    @endpoint(get("/fine_tuning/jobs/{fine_tuning_job_id}/checkpoints"))
    def fine_tuning_job_checkpoints(self, fine_tuning_job_id: str, /, **options: Any) -> Any:
        """List checkpoints for a fine-tuning job."""

    @endpoint(get("/fine_tuning/jobs/{fine_tuning_job_id}/events"))
    def fine_tuning_job_events(self, fine_tuning_job_id: str, /, **options: Any) -> Any:
        """Get status updates for a fine-tuning job."""

    @endpoint(post("/fine_tuning/jobs/{fine_tuning_job_id}/pause", body="none"))
    def fine_tuning_jobs_pause(self, fine_tuning_job_id: str, /, **options: Any) -> FineTuningJob:
        """Pause a fine-tune job."""

    @endpoint(post("/fine_tuning/jobs/{fine_tuning_job_id}/resume", body="none"))
    def fine_tuning_jobs_resume(self, fine_tuning_job_id: str, /, **options: Any) -> FineTuningJob:
        """Resume a fine-tune job."""
