import { z } from 'zod';

const lng = z.coerce.number().min(-180).max(180);
const lat = z.coerce.number().min(-90).max(90);
const categoryCode = z.string().regex(/^\d{5}$/);

/** `GET /api/public/locate?lng=&lat=` */
export const LocateQuery = z.object({ lng, lat });

/** `GET /api/public/nearby?categoryCode=&lng=&lat=` */
export const NearbyQuery = z.object({ categoryCode, lng, lat });

/** `GET /api/public/reports?categoryCode=&communityCode=&state=` */
export const ReportsQuery = z.object({
  categoryCode: categoryCode.optional(),
  communityCode: z.string().regex(/^\d{12}$/).optional(),
  state: z.enum(['open', 'closed']).optional(),
});

/** `POST /api/public/cases/:id/follow` */
export const FollowBody = z.object({
  messageId: z.string().trim().min(8).max(128),
  note: z.string().trim().max(500).optional(),
  name: z.string().trim().max(100).optional(),
  phone: z.string().trim().regex(/^\+?[\d\s-]{5,20}$/).optional(),
});

/** `POST /api/public/track/:trackingCode/rating` (回访). */
export const RatingBody = z.object({
  value: z.enum(['satisfied', 'basically', 'dissatisfied']),
  comment: z.string().trim().max(1000).optional(),
  /** With "dissatisfied": ask for the work to be redone (when district policy allows). Default true. */
  reopen: z.boolean().optional(),
});
