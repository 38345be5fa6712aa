// Placing an Open311 point in an area: the nearest area centre, refused when the point is far from every one. Pure.

const EARTH_RADIUS_KM = 6371.0088;

/** How far from the nearest area centre a point may be and still be in the province. */
export const MAX_DISTANCE_KM = 50;

export function distanceKm(a: { lat: number; long: number }, b: { lat: number; long: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLong = (b.long - a.long) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLong / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A coordinate as a client sent it: a plain decimal number in range, or null. */
export function parseCoordinate(input: string | null | undefined, kind: "lat" | "long"): number | null {
  if (input === null || input === undefined) return null;
  const text = input.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  const value = Number(text);
  const max = kind === "lat" ? 90 : 180;
  return Number.isFinite(value) && Math.abs(value) <= max ? value : null;
}

export type Centred = { id: string; latitude: number | null; longitude: number | null };

export type Placement<T> = { ok: true; area: T; distanceKm: number } | { ok: false; reason: "no_centres" | "outside"; distanceKm: number | null };

/** The area whose centre is nearest the point (ties: the first given), unless every centre is too far. */
export function nearestArea<T extends Centred>(point: { lat: number; long: number }, areas: readonly T[], maxKm = MAX_DISTANCE_KM): Placement<T> {
  let best: { area: T; distanceKm: number } | null = null;
  for (const area of areas) {
    if (area.latitude === null || area.longitude === null) continue;
    const d = distanceKm(point, { lat: area.latitude, long: area.longitude });
    if (!best || d < best.distanceKm) best = { area, distanceKm: d };
  }
  if (!best) return { ok: false, reason: "no_centres", distanceKm: null };
  if (best.distanceKm > maxKm) return { ok: false, reason: "outside", distanceKm: best.distanceKm };
  return { ok: true, ...best };
}
