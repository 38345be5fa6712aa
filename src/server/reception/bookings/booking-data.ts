import "server-only";
import { createHmac } from "node:crypto";
import { bookingCodeFromBytes, normalizeBookingCode } from "@/domain/reception/booking-code";
import { env } from "@/env";
import { lookupHash, sealPersonalData, unsealPersonalData, type PersonalData } from "@/server/privacy/personal-data";

/**
 * What a booking keeps sealed (reception_bookings.sealed): the citizen's name, email or phone and the summary of
 * their matter, and the keyed hash of the address it came from (so a cancellation frees that address's count).
 * Other parts read { name, email?, phone?, summary }; only the receiving office's pages show them.
 */
export type BookingPersonalData = { name: string; email?: string; phone?: string; summary: string; addressHash?: string };

export function sealBooking(data: BookingPersonalData): { keyId: string; sealed: string } {
  return sealPersonalData(data as PersonalData);
}

export function unsealBooking(keyId: string, sealed: string): BookingPersonalData {
  const data = unsealPersonalData(keyId, sealed) as PersonalData & { summary?: string; addressHash?: string };
  return { name: data.name ?? "", email: data.email, phone: data.phone, summary: data.summary ?? "", addressHash: data.addressHash };
}

/** Derived from the booking's fingerprint, so that a retried post shows the same code; only its hash is stored. */
export function deriveBookingCode(fingerprint: string): string {
  return bookingCodeFromBytes(createHmac("sha256", env().AUTH_SECRET).update(`booking-code:${fingerprint}`).digest());
}

/** The stored form of a code: a keyed hash (50 bits are too few to keep as a plain hash). Null for a malformed code. */
export function bookingCodeHash(code: string): string | null {
  const normalized = normalizeBookingCode(code);
  return normalized ? lookupHash(`booking-code:${normalized}`) : null;
}

export function bookingContactHash(contact: string): string {
  return lookupHash(`booking-contact:${contact}`);
}

export function bookingAddressHash(ip: string): string {
  return lookupHash(`booking-address:${ip.trim().toLowerCase()}`);
}
