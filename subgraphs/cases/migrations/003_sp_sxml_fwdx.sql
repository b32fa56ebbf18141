-- 服务对象 of a matter (as the national catalogue records it): whether it serves natural
-- persons or legal persons, so an acceptance can refuse an applicant of the wrong kind.
-- Same codes as sp_bj.sqrlx (1 自然人, 2 法人); null = not recorded (legacy rows): either kind.
ALTER TABLE sp_sxml ADD COLUMN fwdx varchar(1);
