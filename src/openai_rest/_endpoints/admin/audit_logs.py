"""The organization's audit logs."""

from __future__ import annotations

from typing import Any

from ..._endpoint import endpoint, get


class AuditLogs:
    @endpoint(get("/organization/audit_logs"))
    def audit_logs(self, /, **options: Any) -> Any:
        """List user actions and configuration changes within this organization."""
