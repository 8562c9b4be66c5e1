"""A Dask executor that can run dynamic fan-outs.

dagster-dask's ``dask_executor`` plans every step up front, so the steps a dynamic output creates at run
time never reach the cluster (dagster-io/dagster#9785). This executor keeps dagster-dask's worker side
(``query_on_dask_worker``: each step runs on a Dask worker against the run's instance) and drives it
the way Dagster's multiprocess executor does: it asks the active execution for the steps that are ready
now, fanned-out steps included, submits them to the scheduler, and feeds their events back.
Configuration is dagster-dask's: ``cluster: {existing: {address: tcp://…}}`` or ``cluster: {local: {…}}``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import suppress
from functools import partial

import dagster as dg
from dagster._core.events import DagsterEvent, EngineEventData
from dagster._core.execution.context.system import PlanOrchestrationContext
from dagster._core.execution.plan.active import ActiveExecution
from dagster._core.execution.plan.plan import ExecutionPlan
from dagster._core.execution.retries import RetryMode
from dagster._core.executor.base import Executor
from dagster._utils.error import serializable_error_info_from_exc_info
from dagster_dask.executor import get_dask_resource_requirements, query_on_dask_worker

POLL_SECONDS = 0.2


class DynamicDaskExecutor(Executor):
    """Runs each ready step as one Dask task; steps created by dynamic outputs are submitted as they appear."""

    def __init__(self, cluster_type: str, cluster_configuration: dict):
        self.cluster_type = cluster_type
        self.cluster_configuration = cluster_configuration

    @property
    def retries(self) -> RetryMode:
        return RetryMode.DISABLED

    def _cluster(self):
        if self.cluster_type == "existing":
            return self.cluster_configuration["address"]
        from dask.distributed import LocalCluster

        return LocalCluster(**self.cluster_configuration)

    def execute(self, plan_context: PlanOrchestrationContext, execution_plan: ExecutionPlan) -> Iterator[DagsterEvent]:
        import dask.distributed

        if not plan_context.instance.is_persistent:
            raise dg.DagsterInvariantViolationError("the Dask executor needs a persistent Dagster instance (DAGSTER_HOME)")
        recon_job = plan_context.reconstructable_job
        instance_ref = plan_context.instance.get_ref()
        with dask.distributed.Client(self._cluster()) as client, ActiveExecution(execution_plan, retry_mode=self.retries) as active:
            yield DagsterEvent.engine_event(plan_context, f"Executing steps on Dask scheduler {client.scheduler.address}", EngineEventData())
            running: dict[str, dask.distributed.Future] = {}
            while not active.is_complete or running:
                if active.check_for_interrupts():
                    for future in running.values():
                        future.cancel()
                    active.mark_interrupted()
                    break
                for step in active.get_steps_to_execute():
                    # Bound into the function, not passed as task arguments: Dask walks tuple arguments,
                    # and Dagster's records are tuples that refuse iteration.
                    task = partial(
                        query_on_dask_worker, [], recon_job, plan_context.dagster_run, plan_context.run_config,
                        [step.key], instance_ref, active.get_known_state(),
                    )
                    running[step.key] = client.submit(
                        task,
                        key=f"{plan_context.job_name}.{step.key}.{plan_context.run_id[:8]}",
                        resources=get_dask_resource_requirements(step.tags),
                        pure=False,
                    )
                if running:
                    # a timeout means nothing finished yet: look for interrupts and new steps, then wait again
                    with suppress(TimeoutError):
                        dask.distributed.wait(list(running.values()), timeout=POLL_SECONDS, return_when="FIRST_COMPLETED")
                for key, future in list(running.items()):
                    if not future.done():
                        continue
                    del running[key]
                    try:
                        events = future.result()
                    except Exception:
                        error = serializable_error_info_from_exc_info(sys.exc_info())
                        step_context = plan_context.for_step(active.get_step_by_key(key))
                        event = self.log_failure_or_retry_event_after_error(step_context, error, active.get_known_state())
                        active.handle_event(event)
                        yield event
                        events = []
                    for event in events:
                        yield event
                        active.handle_event(event)
                    active.verify_complete(plan_context, key)
                yield from active.plan_events_iterator(plan_context)


@dg.executor(
    name="pantau_dask",
    requirements=dg.multiple_process_executor_requirements(),
    config_schema={
        "cluster": dg.Field(
            dg.Selector(
                {
                    "existing": dg.Field(dg.Shape({"address": dg.Field(str)}), description="A running dask.distributed scheduler."),
                    "local": dg.Field(dg.Permissive(), is_required=False, description="distributed.LocalCluster arguments."),
                }
            )
        )
    },
)
def pantau_dask_executor(init_context) -> DynamicDaskExecutor:
    """Dagster steps on a dask.distributed cluster, dynamic fan-outs included."""
    ((cluster_type, cluster_configuration),) = init_context.executor_config["cluster"].items()
    return DynamicDaskExecutor(cluster_type, dict(cluster_configuration or {}))
