export {
  allocateTicketRef,
  parseTicketRef,
  formatTicketRef,
  canonicalTicketRef,
  type TicketRefParts,
} from './ref';
