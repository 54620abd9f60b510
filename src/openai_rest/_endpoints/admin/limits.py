"""Organization and project settings: data retention, spend alerts and limits, model and hosted tool
permissions, rate limits.
"""

from __future__ import annotations

from ..._endpoint import delete, endpoint, get, post

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional

    from ..._endpoint import Params


class Limits:
    @endpoint(get("/organization/data_retention"))
    def data_retention(self, /, **options: Any) -> Any:
        """Retrieves organization data retention controls."""

    @endpoint(post("/organization/data_retention"))
    def data_retention_update(self, params: Params = None, /, **options: Any) -> Any:
        """Updates organization data retention controls."""

    @endpoint(get("/organization/projects/{project_id}/data_retention"))
    def project_data_retention(self, project_id: str, /, **options: Any) -> Any:
        """Retrieves project data retention controls."""

    @endpoint(post("/organization/projects/{project_id}/data_retention"))
    def project_data_retention_update(
        self, project_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Updates project data retention controls."""

    @endpoint(get("/organization/projects/{project_id}/hosted_tool_permissions"))
    def project_hosted_tool_permissions(self, project_id: str, /, **options: Any) -> Any:
        """Returns hosted tool permissions for a project."""

    @endpoint(post("/organization/projects/{project_id}/hosted_tool_permissions"))
    def project_hosted_tool_permissions_update(
        self, project_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Updates hosted tool permissions for a project."""

    @endpoint(get("/organization/projects/{project_id}/model_permissions"))
    def project_model_permissions(self, project_id: str, /, **options: Any) -> Any:
        """Returns model permissions for a project."""

    @endpoint(post("/organization/projects/{project_id}/model_permissions"))
    def project_model_permissions_update(
        self, project_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Updates model permissions for a project."""

    @endpoint(delete("/organization/projects/{project_id}/model_permissions"))
    def project_model_permissions_delete(self, project_id: str, /, **options: Any) -> Any:
        """Deletes model permissions for a project."""

    @endpoint(get("/organization/projects/{project_id}/rate_limits"))
    def project_rate_limits(self, project_id: str, /, **options: Any) -> Any:
        """Returns the rate limits per model for a project."""

    @endpoint(post("/organization/projects/{project_id}/rate_limits/{rate_limit_id}"))
    def project_rate_limit_update(
        self, project_id: str, rate_limit_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Updates a project rate limit."""

    @endpoint(get("/organization/projects/{project_id}/spend_alerts"))
    def project_spend_alerts(self, project_id: str, /, **options: Any) -> Any:
        """Lists project spend alerts."""

    @endpoint(post("/organization/projects/{project_id}/spend_alerts"))
    def project_spend_alert_create(
        self, project_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Creates a project spend alert."""

    @endpoint(get("/organization/projects/{project_id}/spend_alerts/{alert_id}"))
    def project_spend_alert(self, project_id: str, alert_id: str, /, **options: Any) -> Any:
        """Retrieves a project spend alert."""

    @endpoint(post("/organization/projects/{project_id}/spend_alerts/{alert_id}"))
    def project_spend_alert_update(
        self, project_id: str, alert_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Updates a project spend alert."""

    @endpoint(delete("/organization/projects/{project_id}/spend_alerts/{alert_id}"))
    def project_spend_alert_delete(self, project_id: str, alert_id: str, /, **options: Any) -> Any:
        """Deletes a project spend alert."""

    @endpoint(get("/organization/spend_alerts"), get("/organization/spend_alerts/{alert_id}"))
    def spend_alerts(self, alert_id: Optional[str] = None, /, **options: Any) -> Any:
        """Lists organization spend alerts; ``spend_alerts(alert_id)`` retrieves one."""

    @endpoint(post("/organization/spend_alerts"))
    def spend_alerts_create(self, params: Params = None, /, **options: Any) -> Any:
        """Creates an organization spend alert."""

    @endpoint(post("/organization/spend_alerts/{alert_id}"))
    def spend_alerts_update(self, alert_id: str, params: Params = None, /, **options: Any) -> Any:
        """Updates an organization spend alert."""

    @endpoint(delete("/organization/spend_alerts/{alert_id}"))
    def spend_alerts_delete(self, alert_id: str, /, **options: Any) -> Any:
        """Deletes an organization spend alert."""

    @endpoint(get("/organization/spend_limit"))
    def spend_limit(self, /, **options: Any) -> Any:
        """Get the organization's hard spend limit."""

    @endpoint(post("/organization/spend_limit"))
    def spend_limit_update(self, params: Params = None, /, **options: Any) -> Any:
        """Create or replace the organization's hard spend limit."""

    @endpoint(delete("/organization/spend_limit"))
    def spend_limit_delete(self, /, **options: Any) -> Any:
        """Delete the organization's hard spend limit."""

    @endpoint(get("/organization/projects/{project_id}/spend_limit"))
    def project_spend_limit(self, project_id: str, /, **options: Any) -> Any:
        """Get a project's hard spend limit."""

    @endpoint(post("/organization/projects/{project_id}/spend_limit"))
    def project_spend_limit_update(
        self, project_id: str, params: Params = None, /, **options: Any
    ) -> Any:
        """Create or replace a project's hard spend limit."""

    @endpoint(delete("/organization/projects/{project_id}/spend_limit"))
    def project_spend_limit_delete(self, project_id: str, /, **options: Any) -> Any:
        """Delete a project's hard spend limit."""
