// Open311 GeoReport v2 (read-only), as pure functions: the agency's categories as services,
// tickets as service requests. Nothing personal leaves: no citizen name, handle, id or post
// text; a location only at the precision of the place X named (centre of its box, 3 decimals).
// https://wiki.open311.org/GeoReport_v2
import type { Category } from '../rules/pack';
import type { PublicTicket } from '../store/open311';

export interface Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

export interface ServiceRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: null;
  zipcode: null;
  lat: number | null;
  long: number | null;
  media_url: null;
}

export function services(categories: Category[], lang: 'ar' | 'en'): Service[] {
  return categories.map((c) => ({
    service_code: c.id,
    service_name: c.names[lang],
    description: c.description ?? c.names[lang],
    metadata: false,
    type: 'realtime',
    keywords: [c.names.ar, c.names.en].join(', '),
    group: 'municipal',
  }));
}

/** Seconds precision with the offset, as GeoReport (W3C / ISO 8601) expects. */
const iso = (d: Date | undefined) => (d ? new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z') : null);

export function serviceRequest(
  t: PublicTicket,
  o: {
    categories: Map<string, Category>;
    lang: 'ar' | 'en';
    agency: string;
    place?: { fullName?: string; bbox?: number[] };
  },
): ServiceRequest {
  const c = o.categories.get(t.category);
  const name = c?.names[o.lang] ?? t.category;
  const box = o.place?.bbox;
  const centre =
    box && box.length === 4
      ? { long: round((box[0]! + box[2]!) / 2), lat: round((box[1]! + box[3]!) / 2) }
      : { long: null, lat: null };
  const closed = t.status === 'resolved';
  return {
    service_request_id: t._id,
    status: closed ? 'closed' : 'open',
    status_notes: closed ? (o.lang === 'ar' ? 'تمت المعالجة' : 'resolved') : null,
    service_name: name,
    service_code: t.category,
    // The citizen's own words are personal data: the request says what kind, not what they wrote.
    description: o.lang === 'ar' ? `${name} — بلاغ عبر X` : `${name} — reported on X`,
    agency_responsible: o.agency,
    service_notice: null,
    requested_datetime: iso(t.createdAt)!,
    updated_datetime: iso(t.updatedAt ?? t.createdAt)!,
    expected_datetime: closed ? null : iso(t.dueAt),
    address: o.place?.fullName ?? null,
    address_id: null,
    zipcode: null,
    lat: centre.lat,
    long: centre.long,
    media_url: null,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
