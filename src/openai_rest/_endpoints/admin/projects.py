"""Organization projects."""

from __future__ import annotations

from typing import Any, Optional

from ..._endpoint import Params, endpoint, get, post


class Projects:
    @endpoint(get("/organization/projects"), get("/organization/projects/{project_id}"))
    def projects(self, project_id: Optional[str] = None, /, **options: Any) -> Any:
        """List the organization's projects, or retrieve one."""

    @endpoint(post("/organization/projects"))
    def projects_create(self, params: Params = None, /, **options: Any) -> Any:
        """Create a project: ``admin.projects_create(name="...")``."""
