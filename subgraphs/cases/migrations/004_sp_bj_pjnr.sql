-- 好差评 (issue 4): what the applicant wrote with the rating. sp_bj.mydpj holds the level
-- and sp_bj.pjsj the time (002); the legacy table had nowhere for the words.
ALTER TABLE sp_bj ADD COLUMN pjnr text;                   -- 评价内容
