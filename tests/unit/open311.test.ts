// The pure parts of the Open311 endpoint: documents in XML and JSON, W3C dates, placing a point, service codes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseW3cDateTime, toLocalIso, endOfLocalDay } from "@/domain/open311/dates";
import { escapeXml, renderDocument, renderErrors, splitFormat } from "@/domain/open311/document";
import { distanceKm, nearestArea, parseCoordinate } from "@/domain/open311/geo";
import { listParam, open311Status, parseServiceCode, serviceCodeOf } from "@/domain/open311/services";

describe("documents", () => {
  it("write lists as the standard's elements, empty values as empty elements, nulls in JSON", () => {
    const requests = [{ service_request_id: "7K3M-Q9XD-2RB", description: null, lat: 13.98, status: "open" }];
    expect(renderDocument("xml", "service_requests", requests)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<service_requests><request><service_request_id>7K3M-Q9XD-2RB</service_request_id><description/><lat>13.98</lat><status>open</status></request></service_requests>\n',
    );
    expect(JSON.parse(renderDocument("json", "service_requests", requests))).toEqual(requests);
    expect(renderDocument("xml", "services", [])).toContain("<services/>");
    expect(renderDocument("xml", "discovery", { endpoints: [{ formats: ["text/xml", "application/json"] }] })).toContain(
      "<discovery><endpoints><endpoint><formats><format>text/xml</format><format>application/json</format></formats></endpoint></endpoints></discovery>",
    );
    expect(renderErrors("xml", [{ code: 404, description: "No <such> & 'thing'" }])).toContain(
      "<errors><error><code>404</code><description>No &lt;such&gt; &amp; &apos;thing&apos;</description></error></errors>",
    );
    expect(renderErrors("json", [{ code: 400, description: "x" }])).toBe('[{"code":400,"description":"x"}]');
  });

  it("escape any text into well-formed character data (no markup, no control characters survive)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const escaped = escapeXml(s);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
        expect(escaped).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      }),
    );
  });

  it("read the format from the extension", () => {
    expect(splitFormat("requests.json")).toEqual({ name: "requests", format: "json" });
    expect(splitFormat("7K3M-Q9XD-2RB.XML")).toEqual({ name: "7K3M-Q9XD-2RB", format: "xml" });
    expect(splitFormat("services.html")).toEqual({ name: "services", format: null });
    expect(splitFormat("services")).toEqual({ name: "services", format: null });
  });
});

describe("W3C dates", () => {
  it("read every W3C precision, with Z, an offset, or Vietnam time when none", () => {
    expect(parseW3cDateTime("2026")!.toISOString()).toBe("2025-12-31T17:00:00.000Z");
    expect(parseW3cDateTime("2026-11")!.toISOString()).toBe("2026-10-31T17:00:00.000Z");
    expect(parseW3cDateTime("2026-11-27")!.toISOString()).toBe("2026-11-26T17:00:00.000Z");
    expect(parseW3cDateTime("2026-11-27T10:00+07:00")!.toISOString()).toBe("2026-11-27T03:00:00.000Z");
    expect(parseW3cDateTime("2026-11-27T03:00:00Z")!.toISOString()).toBe("2026-11-27T03:00:00.000Z");
    expect(parseW3cDateTime("2026-11-27T06:37:38-08:00")!.toISOString()).toBe("2026-11-27T14:37:38.000Z");
    expect(parseW3cDateTime("2026-11-27T03:00:00.25Z")!.toISOString()).toBe("2026-11-27T03:00:00.250Z");
    expect(parseW3cDateTime("2026-11-27T10:00:00")!.toISOString()).toBe("2026-11-27T03:00:00.000Z");
  });

  it("refuse what is not a date", () => {
    for (const bad of ["", "yesterday", "2026-13-01", "2026-02-29", "2026-11-31", "2026-11-27T24:00Z", "2026-11-27T10:00+25:00", "27/11/2026", "2026-11-27T10"]) {
      expect(parseW3cDateTime(bad), bad).toBeNull();
    }
  });

  it("write instants in Vietnam time with their offset, and round-trip", () => {
    expect(toLocalIso(new Date("2026-11-27T20:30:05Z"))).toBe("2026-11-28T03:30:05+07:00");
    expect(endOfLocalDay("2026-12-04")).toBe("2026-12-04T23:59:59+07:00");
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }), (d) => {
        const second = new Date(Math.floor(d.getTime() / 1000) * 1000);
        expect(parseW3cDateTime(toLocalIso(second))!.getTime()).toBe(second.getTime());
      }),
    );
  });
});

describe("placing a point", () => {
  const areas = [
    { id: "pleiku", latitude: 13.9833, longitude: 108.0 },
    { id: "quynhon", latitude: 13.7765, longitude: 109.2237 },
    { id: "nocentre", latitude: null, longitude: null },
  ];
  it("measures great-circle distances", () => {
    expect(distanceKm({ lat: 13.9833, long: 108.0 }, { lat: 13.7765, long: 109.2237 })).toBeGreaterThan(130);
    expect(distanceKm({ lat: 13.9833, long: 108.0 }, { lat: 13.9833, long: 108.0 })).toBe(0);
  });
  it("chooses the nearest centre, and refuses points far from every one", () => {
    expect(nearestArea({ lat: 13.99, long: 108.01 }, areas)).toMatchObject({ ok: true, area: { id: "pleiku" } });
    expect(nearestArea({ lat: 13.78, long: 109.2 }, areas)).toMatchObject({ ok: true, area: { id: "quynhon" } });
    expect(nearestArea({ lat: 21.0285, long: 105.8542 }, areas)).toMatchObject({ ok: false, reason: "outside" });
    expect(nearestArea({ lat: 13.99, long: 108.01 }, [areas[2]!])).toEqual({ ok: false, reason: "no_centres", distanceKm: null });
  });
  it("reads coordinates as plain decimal degrees in range", () => {
    expect(parseCoordinate("13.98", "lat")).toBe(13.98);
    expect(parseCoordinate(" -122.4651145 ", "long")).toBe(-122.4651145);
    for (const bad of ["", "abc", "1e3", "91", "NaN", "Infinity", "0x10", "13,98"]) expect(parseCoordinate(bad, "lat"), bad).toBeNull();
    expect(parseCoordinate("181", "long")).toBeNull();
    expect(parseCoordinate(null, "long")).toBeNull();
  });
});

describe("service codes and statuses", () => {
  it("pair a kind that may be posted with a field code", () => {
    expect(serviceCodeOf("report", "site_clearance")).toBe("report-site_clearance");
    expect(parseServiceCode("report-site_clearance")).toEqual({ kind: "report", categoryCode: "site_clearance" });
    for (const bad of ["complaint-land", "denunciation-land", "report-", "-land", "report", "report-Land!", "Report-land"]) expect(parseServiceCode(bad), bad).toBeNull();
  });
  it("map case statuses to open and closed", () => {
    expect(["received", "accepted", "info_requested"].map(open311Status)).toEqual(["open", "open", "open"]);
    expect(["not_accepted", "answered", "closed", "withdrawn"].map(open311Status)).toEqual(["closed", "closed", "closed", "closed"]);
  });
  it("split list parameters", () => {
    expect(listParam("a, b,,a ,c")).toEqual(["a", "b", "c"]);
    expect(listParam(null)).toEqual([]);
  });
});
