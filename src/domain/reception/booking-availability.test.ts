import { describe, expect, it } from "vitest";
import { bookingRefusal, placesLeft, type BookableDay } from "./booking-availability";

const now = new Date("2026-12-01T03:00:00Z");
const day = (over: Partial<BookableDay> = {}): BookableDay => ({ status: "confirmed", bookingsOpen: true, capacity: 3, booked: 1, startsAt: new Date("2026-12-15T00:30:00Z"), ...over });

describe("booking a place", () => {
  it("is allowed on a planned or confirmed day ahead with places left", () => {
    expect(bookingRefusal(day(), now)).toBeNull();
    expect(bookingRefusal(day({ status: "planned" }), now)).toBeNull();
    expect(placesLeft(day())).toBe(2);
  });
  it("names why not: cancelled before past, past before closed, closed before full", () => {
    expect(bookingRefusal(day({ status: "cancelled", startsAt: now }), now)).toBe("cancelled");
    expect(bookingRefusal(day({ startsAt: now, bookingsOpen: false }), now)).toBe("past");
    expect(bookingRefusal(day({ status: "held" }), now)).toBe("past");
    expect(bookingRefusal(day({ bookingsOpen: false, booked: 3 }), now)).toBe("closed");
    expect(bookingRefusal(day({ booked: 3 }), now)).toBe("full");
    expect(placesLeft(day({ booked: 3, capacity: 2 }))).toBe(0);
  });
});
