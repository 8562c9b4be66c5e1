"""Reporting: a chart of coverage over time for the regions in the news, from the marts."""

import base64
import io

import dagster as dg

from ..resources import WarehouseResource


def coverage_chart_png(rows: list[tuple], title: str) -> bytes:
    """A line chart (PNG) of UHC coverage % per region and month from (region_name, month, value) rows."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 4), dpi=90)
    series: dict[str, tuple[list, list]] = {}
    for region, month, value in rows:
        xs, ys = series.setdefault(region, ([], []))
        xs.append(month)
        ys.append(value)
    for region, (xs, ys) in sorted(series.items()):
        ax.step(xs, ys, where="post", label=region)
    ax.axhline(95, color="grey", linestyle="--", linewidth=1)
    ax.set_ylabel("UHC coverage %")
    ax.set_title(title)
    if series:
        ax.legend(fontsize=7, loc="lower right")
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()

@dg.asset(
    key=["reporting", "coverage_chart"],
    deps=[dg.AssetKey(["marts", "region_coverage_monthly"])],
    description="Chart of UHC coverage over time (carried forward monthly) for the regions most in the news.",
    kinds={"python", "duckdb"},
    owners=["team:pantau"],
    group_name="warehouse",
)
def coverage_chart(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    """Render the chart into the materialisation's metadata."""
    with warehouse.read() as con:
        rows = con.execute(
            """with top as (
                   select region_code from marts.region_scorecard where uhc_coverage_pct is not null
                   order by article_count desc, region_code limit 8)
               select region_name, month, uhc_coverage_pct from marts.region_coverage_monthly
               where region_code in (select region_code from top) and uhc_coverage_pct is not null
               order by region_name, month"""
        ).fetchall()
    png = coverage_chart_png(rows, "UHC coverage in the news (carried forward)")
    image = base64.b64encode(png).decode()
    return dg.MaterializeResult(
        metadata={
            "chart": dg.MetadataValue.md(f"![UHC coverage over time](data:image/png;base64,{image})"),
            "regions": dg.MetadataValue.int(len({r[0] for r in rows})),
            "points": dg.MetadataValue.int(len(rows)),
        }
    )
